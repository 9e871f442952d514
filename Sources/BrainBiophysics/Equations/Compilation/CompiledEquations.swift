/// An ``EquationModel`` compiled for fast evaluation: one tape of instructions with programs
/// (ranges of the tape) for the derivatives, the threshold, the reset and, for the exact
/// method, the linear system's coefficients.
struct CompiledEquations: Sendable {
    let stateCount: Int
    let instructions: [TapeInstruction]
    /// The register file's initial contents (constants); state at `0..<stateCount`, input at
    /// `stateCount`.
    let registerTemplate: [Double]
    let inputRegister: Int

    /// Computes every `dX/dt` into ``derivativeRegisters`` from the state registers.
    let derivativeProgram: Range<Int>
    let derivativeRegisters: [Int32]
    /// Computes the spike condition into ``thresholdRegister`` (nil without a threshold).
    let thresholdProgram: Range<Int>?
    let thresholdRegister: Int32
    /// Applies the reset statements to the state registers in place.
    let resetProgram: Range<Int>
    /// For the exact method: `dX/dt = A X + b`.
    let linearSystem: LinearSystem?

    let clampedWhenRefractory: [Bool]
    /// The refractory period (seconds), or nil.
    let refractory: Double?
    let inputBase: Double
    let inputScale: Double
    /// Initial state (SI units).
    let initialValues: [Double]
    /// Register indices and flags the stepper reads per step, in one array:
    /// `[derivative registers (n) | clamped flags (n) | A's registers (n²) | b's registers (n)]`
    /// (the last two only for the exact method).
    let stepperLayout: [Int32]

    /// The linear system of the exact method: registers holding `A` (row-major, `n × n`) and
    /// `b` after ``program`` runs; when `A` does not depend on the input its values are also
    /// known at compile time (``constantMatrix``), so its propagator is computed once per step
    /// call rather than per neuron.
    struct LinearSystem: Sendable {
        let program: Range<Int>
        let matrixRegisters: [Int32]
        let offsetRegisters: [Int32]
        let constantMatrix: [Double]?
    }

    var registerCount: Int { registerTemplate.count }

    init(model: EquationModel, linearForms: [AffineForm]?) {
        let n = model.stateCount
        var compiler = TapeCompiler(stateCount: n, subexpressions: model.subexpressions)

        compiler.beginBlock()
        let derivativeStart = compiler.instructions.count
        var derivatives: [Int32] = []
        for derivative in model.derivatives { derivatives.append(compiler.compile(derivative)) }
        derivativeProgram = derivativeStart..<compiler.instructions.count
        derivativeRegisters = derivatives

        if let threshold = model.threshold {
            compiler.beginBlock()
            let start = compiler.instructions.count
            thresholdRegister = compiler.compile(threshold)
            thresholdProgram = start..<compiler.instructions.count
        } else {
            thresholdRegister = 0
            thresholdProgram = nil
        }

        let resetStart = compiler.instructions.count
        for statement in model.reset {
            compiler.beginBlock()
            let value = compiler.compile(statement.expression)
            let target = Int32(statement.target)
            switch statement.operation {
            case .assign: compiler.emit(.copy, target: target, value)
            case .add: compiler.emit(.add, target: target, target, value)
            case .subtract: compiler.emit(.subtract, target: target, target, value)
            case .multiply: compiler.emit(.multiply, target: target, target, value)
            case .divide: compiler.emit(.divide, target: target, target, value)
            }
        }
        resetProgram = resetStart..<compiler.instructions.count

        if let linearForms {
            compiler.beginBlock()
            let start = compiler.instructions.count
            var matrix: [Int32] = []
            var offsets: [Int32] = []
            var constantMatrix: [Double]? = []
            for form in linearForms {
                for coefficient in form.coefficients {
                    matrix.append(compiler.compile(coefficient))
                    if let value = coefficient.constantValue {
                        constantMatrix?.append(value)
                    } else {
                        constantMatrix = nil
                    }
                }
                offsets.append(compiler.compile(form.constant))
            }
            linearSystem = LinearSystem(
                program: start..<compiler.instructions.count, matrixRegisters: matrix, offsetRegisters: offsets,
                constantMatrix: constantMatrix)
        } else {
            linearSystem = nil
        }

        stateCount = n
        instructions = compiler.instructions
        registerTemplate = compiler.template
        inputRegister = Int(compiler.inputRegister)
        clampedWhenRefractory = model.clampedWhenRefractory
        refractory = model.refractory
        inputBase = model.inputBase
        inputScale = model.inputScale
        initialValues = model.initialValues
        stepperLayout =
            derivativeRegisters + model.clampedWhenRefractory.map { $0 ? 1 : 0 }
            + (linearSystem.map { $0.matrixRegisters + $0.offsetRegisters } ?? [])
    }
}
