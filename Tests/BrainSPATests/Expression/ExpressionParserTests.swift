import Testing
import BrainSPA

/// The tree with every position set to 0, for comparing trees parsed from differently spaced text.
func strippingPositions(_ syntax: ExpressionSyntax) -> ExpressionSyntax {
    switch syntax {
    case .name(let name, _):
        return .name(name, position: 0)
    case .number(let value, _):
        return .number(value, position: 0)
    case .unary(let op, let operand, _):
        return .unary(op, strippingPositions(operand), position: 0)
    case .binary(let op, let left, let right, _):
        return .binary(op, strippingPositions(left), strippingPositions(right), position: 0)
    case .method(let operand, let method, _):
        return .method(strippingPositions(operand), method, position: 0)
    }
}

/// The error `ExpressionParser.parse(text)` throws, or nil if it parses.
func syntaxError(_ text: String) -> ExpressionSyntaxError? {
    do throws(ExpressionSyntaxError) {
        _ = try ExpressionParser.parse(text)
        return nil
    } catch {
        return error
    }
}

struct ParsedCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String
    var testDescription: String { String(reflecting: input) }
}

@Suite struct ExpressionParserTests {
    static let precedenceCases: [ParsedCase] = [
        ParsedCase(input: "A+B*C", expected: "(A + (B * C))"),
        ParsedCase(input: "A*B+C", expected: "((A * B) + C)"),
        ParsedCase(input: "A-B-C", expected: "((A - B) - C)"),
        ParsedCase(input: "A/2/3", expected: "((A / 2.0) / 3.0)"),
        ParsedCase(input: "A*B/C@D", expected: "(((A * B) / C) @ D)"),
        ParsedCase(input: "A+B-C+D", expected: "(((A + B) - C) + D)"),
        ParsedCase(input: "A+B*C-D*E", expected: "((A + (B * C)) - (D * E))"),
        ParsedCase(input: "-A**2", expected: "(-(A ** 2.0))"),
        ParsedCase(input: "A**-1", expected: "(A ** (-1.0))"),
        ParsedCase(input: "2**3**2", expected: "(2.0 ** (3.0 ** 2.0))"),
        ParsedCase(input: "A**B*C", expected: "((A ** B) * C)"),
        ParsedCase(input: "A*B**C", expected: "(A * (B ** C))"),
        ParsedCase(input: "A**-B**C", expected: "(A ** (-(B ** C)))"),
        ParsedCase(input: "A**~B.normalized()", expected: "(A ** (~B.normalized()))"),
        ParsedCase(input: "~A*B", expected: "((~A) * B)"),
        ParsedCase(input: "~A.normalized()", expected: "(~A.normalized())"),
        ParsedCase(input: "A@B*C", expected: "((A @ B) * C)"),
        ParsedCase(input: "A+B@C", expected: "(A + (B @ C))"),
        ParsedCase(input: "-(A+B)", expected: "(-(A + B))"),
        ParsedCase(input: "+A", expected: "(+A)"),
        ParsedCase(input: "--A", expected: "(-(-A))"),
        ParsedCase(input: "-+~A", expected: "(-(+(~A)))"),
        ParsedCase(input: "A--B", expected: "(A - (-B))"),
        ParsedCase(input: "A*-B", expected: "(A * (-B))"),
        ParsedCase(input: "A*(B+C).unitary()", expected: "(A * (B + C).unitary())"),
        ParsedCase(input: "(A*B).normalized()", expected: "(A * B).normalized()"),
        ParsedCase(input: "A.normalized().unitary().linv()", expected: "A.normalized().unitary().linv()"),
        ParsedCase(input: "(-A).rinv()", expected: "(-A).rinv()"),
        ParsedCase(input: "A.abs()**2", expected: "(A.abs() ** 2.0)"),
        ParsedCase(input: "A-(B*C)*3+~C", expected: "((A - ((B * C) * 3.0)) + (~C))"),
        ParsedCase(input: "((A))", expected: "A"),
        ParsedCase(input: "1.5", expected: "1.5"),
        ParsedCase(input: ".5", expected: "0.5"),
        ParsedCase(input: "1.", expected: "1.0"),
        ParsedCase(input: "1e-3", expected: "0.001"),
        ParsedCase(input: "2E+2", expected: "200.0"),
        ParsedCase(input: "1.e5", expected: "100000.0"),
        ParsedCase(input: "1.5E-3", expected: "0.0015"),
        ParsedCase(input: "0", expected: "0.0"),
        ParsedCase(input: "000", expected: "0.0"),
        ParsedCase(input: "012.5", expected: "12.5"),
        ParsedCase(input: "1e-999", expected: "0.0"),
        ParsedCase(input: "1.5.normalized()", expected: "1.5.normalized()"),
        ParsedCase(input: "1..copy()", expected: "1.0.copy()"),
        ParsedCase(input: "Identity", expected: "Identity"),
        ParsedCase(input: "lower_case_name", expected: "lower_case_name"),
        ParsedCase(input: "_A1b2", expected: "_A1b2"),
        ParsedCase(input: "0.5*A", expected: "(0.5 * A)"),
        ParsedCase(input: " A + B * C ", expected: "(A + (B * C))"),
        ParsedCase(input: "\tA\n*\r\nB\r-C", expected: "((A * B) - C)"),
        ParsedCase(input: "A . normalized ( )", expected: "A.normalized()"),
    ]

    @Test(arguments: precedenceCases)
    func parsesWithPythonPrecedence(_ example: ParsedCase) throws {
        let tree = try ExpressionParser.parse(example.input)
        #expect(tree.description == example.expected)
    }

    @Test func everyMethodParses() throws {
        for method in PointerMethod.allCases {
            let tree = try ExpressionParser.parse("A.\(method.rawValue)()")
            #expect(tree == .method(.name("A", position: 0), method, position: 2))
        }
    }

    @Test func nodesRecordOperatorPositions() throws {
        let tree = try ExpressionParser.parse("A + B*C")
        #expect(tree == .binary(
            .add,
            .name("A", position: 0),
            .binary(.multiply, .name("B", position: 4), .name("C", position: 6), position: 5),
            position: 2))
        #expect(tree.position == 2)
    }

    @Test func unaryMethodAndPowerPositions() throws {
        let tree = try ExpressionParser.parse(" ~X.linv() ** -2.5")
        #expect(tree == .unary(
            .invert,
            .binary(
                .power,
                .method(.name("X", position: 2), .linv, position: 4),
                .unary(.negate, .number(2.5, position: 15), position: 14),
                position: 11),
            position: 1))
    }

    @Test func positionsCountCharactersNotScalars() throws {
        // "\r\n" is one Character, so B is at offset 3, not 4.
        let tree = try ExpressionParser.parse("A*\r\nB")
        #expect(tree == .binary(.multiply, .name("A", position: 0), .name("B", position: 3), position: 1))
    }

    @Test func numberValues() throws {
        #expect(try ExpressionParser.parse("1.5E-3") == .number(1.5e-3, position: 0))
        #expect(try ExpressionParser.parse("  12") == .number(12, position: 2))
        #expect(try ExpressionParser.parse("2e+2") == .number(200, position: 0))
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let parentheses = String(repeating: "(", count: 200) + "A" + String(repeating: ")", count: 200)
        #expect(try ExpressionParser.parse(parentheses) == .name("A", position: 200))

        let negations = try ExpressionParser.parse(String(repeating: "-", count: 200) + "A")
        #expect(negations.position == 0)

        let mixed = String(repeating: "-(", count: 100) + "A" + String(repeating: ")", count: 100)
        #expect(try ExpressionParser.parse(mixed).position == 0)

        let powers = try ExpressionParser.parse("A" + String(repeating: "**A", count: 200))
        #expect(powers.position == 1)
    }

    @Test func acceptsTreesUpToTheHeightLimit() throws {
        let sum = try ExpressionParser.parse("A" + String(repeating: "+A", count: 499))
        #expect(sum.position == 997)
        let methods = try ExpressionParser.parse("A" + String(repeating: ".copy()", count: 499))
        #expect(methods.position == 1 + 498 * 7 + 1)
    }

    @Test func descriptionRoundTrips() throws {
        let tree = try ExpressionParser.parse("-A**2 + ~(B*C).normalized() @ 0.25 - 1e20/D.rinv()")
        #expect(tree.description == "(((-(A ** 2.0)) + ((~(B * C).normalized()) @ 0.25)) - (1e+20 / D.rinv()))")
        #expect(strippingPositions(try ExpressionParser.parse(tree.description)) == strippingPositions(tree))
    }
}
