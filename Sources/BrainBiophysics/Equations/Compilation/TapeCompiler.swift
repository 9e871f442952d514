/// Compiles ``ResolvedExpression``s into one shared tape of ``TapeInstruction``s over a
/// register file laid out as `[state 0..<n | input | constants and temporaries]`.
///
/// Every node gets its own register (the programs are small); constants are deduplicated and
/// stored in the register template; a subexpression is computed once per block (a block is a
/// stretch of tape during which the state does not change, e.g. one derivative evaluation).
struct TapeCompiler {
    let stateCount: Int
    let subexpressions: [ResolvedExpression]
    private(set) var instructions: [TapeInstruction] = []
    /// Initial register values: zero for state, input and temporaries; constants set.
    private(set) var template: [Double]
    private var constantRegisters: [UInt64: Int32] = [:]
    private var subexpressionRegisters: [Int: Int32] = [:]

    init(stateCount: Int, subexpressions: [ResolvedExpression]) {
        self.stateCount = stateCount
        self.subexpressions = subexpressions
        template = Array(repeating: 0, count: stateCount + 1)
    }

    var inputRegister: Int32 { Int32(stateCount) }
    var registerCount: Int { template.count }

    /// Starts a new block: subexpressions computed before are recomputed when next used.
    mutating func beginBlock() {
        subexpressionRegisters = [:]
    }

    mutating func temporary() -> Int32 {
        template.append(0)
        return Int32(template.count - 1)
    }

    mutating func constant(_ value: Double) -> Int32 {
        if let register = constantRegisters[value.bitPattern] { return register }
        template.append(value)
        let register = Int32(template.count - 1)
        constantRegisters[value.bitPattern] = register
        return register
    }

    mutating func emit(
        _ operation: TapeInstruction.Operation, target: Int32, _ a: Int32, _ b: Int32 = 0, _ c: Int32 = 0
    ) {
        instructions.append(TapeInstruction(operation: operation, target: target, a: a, b: b, c: c))
    }

    /// Emits code computing `expression`; returns the register holding it.
    mutating func compile(_ expression: ResolvedExpression) -> Int32 {
        switch expression {
        case .constant(let value):
            return constant(value)
        case .state(let index):
            return Int32(index)
        case .input:
            return inputRegister
        case .subexpression(let index):
            if let register = subexpressionRegisters[index] { return register }
            let register = compile(subexpressions[index])
            subexpressionRegisters[index] = register
            return register
        case .unary(let op, let operand, _):
            let a = compile(operand)
            if op == .plus { return a }
            let target = temporary()
            emit(op == .minus ? .negate : .not, target: target, a)
            return target
        case .binary(let op, let left, let right, _):
            let a = compile(left)
            let b = compile(right)
            let target = temporary()
            emit(TapeInstruction.operation(op), target: target, a, b)
            return target
        case .call(let function, let arguments, _):
            var registers: [Int32] = []
            for argument in arguments { registers.append(compile(argument)) }
            let target = temporary()
            emit(
                TapeInstruction.operation(function), target: target, registers[0],
                registers.count > 1 ? registers[1] : 0, registers.count > 2 ? registers[2] : 0)
            return target
        }
    }
}
