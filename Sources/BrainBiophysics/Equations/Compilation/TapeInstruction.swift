/// One instruction of a compiled expression tape: `registers[target] = op(registers[a], ...)`.
/// Registers are `Double`s; conditions are 1 or 0.
struct TapeInstruction: Sendable, Equatable {
    enum Operation: UInt8, Sendable {
        case copy
        case negate, not
        case add, subtract, multiply, divide, power
        case less, lessEqual, greater, greaterEqual, equal, notEqual, and, or
        case exp, log, log10, sqrt, sin, cos, tan, sinh, cosh, tanh, arcsin, arccos, arctan
        case abs, sign, floor, ceil, exprel, int
        case clip
    }

    var operation: Operation
    var target: Int32
    var a: Int32
    var b: Int32 = 0
    var c: Int32 = 0

    static func operation(_ op: BinaryOperator) -> Operation {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .power: return .power
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .and: return .and
        case .or: return .or
        }
    }

    static func operation(_ function: MathFunction) -> Operation {
        switch function {
        case .exp: return .exp
        case .log: return .log
        case .log10: return .log10
        case .sqrt: return .sqrt
        case .sin: return .sin
        case .cos: return .cos
        case .tan: return .tan
        case .sinh: return .sinh
        case .cosh: return .cosh
        case .tanh: return .tanh
        case .arcsin: return .arcsin
        case .arccos: return .arccos
        case .arctan: return .arctan
        case .abs: return .abs
        case .sign: return .sign
        case .floor: return .floor
        case .ceil: return .ceil
        case .exprel: return .exprel
        case .int: return .int
        case .clip: return .clip
        }
    }
}

/// Runs a stretch of tape over a register file. No allocation; `code` and `registers` must
/// hold every index the instructions name (the compiler guarantees it).
enum Tape {
    @inline(__always)
    static func run(
        _ code: UnsafeBufferPointer<TapeInstruction>, _ range: Range<Int>, _ r: UnsafeMutablePointer<Double>
    ) {
        var pc = range.lowerBound
        let end = range.upperBound
        while pc < end {
            let i = code[pc]
            let a = r[Int(i.a)]
            let value: Double
            switch i.operation {
            case .copy: value = a
            case .negate: value = -a
            case .not: value = ExpressionMath.apply(.not, a)
            case .add: value = a + r[Int(i.b)]
            case .subtract: value = a - r[Int(i.b)]
            case .multiply: value = a * r[Int(i.b)]
            case .divide: value = a / r[Int(i.b)]
            case .power: value = ExpressionMath.power(a, r[Int(i.b)])
            case .less: value = ExpressionMath.apply(.less, a, r[Int(i.b)])
            case .lessEqual: value = ExpressionMath.apply(.lessEqual, a, r[Int(i.b)])
            case .greater: value = ExpressionMath.apply(.greater, a, r[Int(i.b)])
            case .greaterEqual: value = ExpressionMath.apply(.greaterEqual, a, r[Int(i.b)])
            case .equal: value = ExpressionMath.apply(.equal, a, r[Int(i.b)])
            case .notEqual: value = ExpressionMath.apply(.notEqual, a, r[Int(i.b)])
            case .and: value = ExpressionMath.apply(.and, a, r[Int(i.b)])
            case .or: value = ExpressionMath.apply(.or, a, r[Int(i.b)])
            case .exp: value = ExpressionMath.apply(.exp, a)
            case .log: value = ExpressionMath.apply(.log, a)
            case .log10: value = ExpressionMath.apply(.log10, a)
            case .sqrt: value = ExpressionMath.apply(.sqrt, a)
            case .sin: value = ExpressionMath.apply(.sin, a)
            case .cos: value = ExpressionMath.apply(.cos, a)
            case .tan: value = ExpressionMath.apply(.tan, a)
            case .sinh: value = ExpressionMath.apply(.sinh, a)
            case .cosh: value = ExpressionMath.apply(.cosh, a)
            case .tanh: value = ExpressionMath.apply(.tanh, a)
            case .arcsin: value = ExpressionMath.apply(.arcsin, a)
            case .arccos: value = ExpressionMath.apply(.arccos, a)
            case .arctan: value = ExpressionMath.apply(.arctan, a)
            case .abs: value = ExpressionMath.apply(.abs, a)
            case .sign: value = ExpressionMath.apply(.sign, a)
            case .floor: value = ExpressionMath.apply(.floor, a)
            case .ceil: value = ExpressionMath.apply(.ceil, a)
            case .exprel: value = ExpressionMath.apply(.exprel, a)
            case .int: value = ExpressionMath.apply(.int, a)
            case .clip: value = ExpressionMath.clip(a, r[Int(i.b)], r[Int(i.c)])
            }
            r[Int(i.target)] = value
            pc += 1
        }
    }
}
