import Testing
import BrainSPA

struct MalformedCase: Sendable, CustomTestStringConvertible {
    let input: String
    let position: Int
    let message: String
    /// How the case is named in test output (very long inputs are summarised).
    let label: String

    init(_ input: String, at position: Int, _ message: String, label: String? = nil) {
        self.input = input
        self.position = position
        self.message = message
        self.label = label ?? String(reflecting: input)
    }

    var testDescription: String { label }
}

private let known = "(known: normalized, unitary, linv, rinv, abs, copy)"
private let end = "the end of the expression"

@Suite struct ExpressionParserErrorTests {
    static let malformedCases: [MalformedCase] = [
        MalformedCase("", at: 0, "expected an operand, found \(end)"),
        MalformedCase("   ", at: 3, "expected an operand, found \(end)"),
        MalformedCase("A+", at: 2, "expected an operand, found \(end)"),
        MalformedCase("*A", at: 0, "expected an operand, found '*'"),
        MalformedCase("(A", at: 2, "expected ')' to close the '(' at 0"),
        MalformedCase("A*(B", at: 4, "expected ')' to close the '(' at 2"),
        MalformedCase("(A B)", at: 3, "expected an operator or ')' to close the '(' at 0, found name 'B'"),
        MalformedCase("A)", at: 1, "unmatched ')'"),
        MalformedCase("(A))", at: 3, "unmatched ')'"),
        MalformedCase("()", at: 1, "expected an operand, found ')'"),
        MalformedCase("A B", at: 2, "expected an operator, found name 'B'"),
        MalformedCase("2A", at: 1, "expected an operator, found name 'A'"),
        MalformedCase("A 2", at: 2, "expected an operator, found number '2'"),
        MalformedCase("1e", at: 1, "expected an operator, found name 'e'"),
        MalformedCase("1_000", at: 1, "expected an operator, found name '_000'"),
        MalformedCase("0x10", at: 1, "expected an operator, found name 'x10'"),
        MalformedCase("01", at: 0, "leading zeros are not allowed in the integer literal '01'"),
        MalformedCase("A.5", at: 1, "expected an operator, found number '.5'"),
        MalformedCase("A.", at: 2, "expected a method name after '.', found \(end)"),
        MalformedCase("A..normalized()", at: 2, "expected a method name after '.', found '.'"),
        MalformedCase(".A", at: 0, "expected an operand, found '.'"),
        MalformedCase("A.normalized", at: 12, "expected '(' after the method name 'normalized', found \(end)"),
        MalformedCase("A.normalized(", at: 13, "expected ')' after 'normalized(': methods take no arguments, found \(end)"),
        MalformedCase("A.normalized(1)", at: 13, "methods take no arguments, found number '1'"),
        MalformedCase("A.normalized()()", at: 14, "expected an operator, found '('"),
        MalformedCase("A.foo()", at: 2, "unknown method 'foo' \(known)"),
        MalformedCase("A.B", at: 2, "unknown method 'B' \(known)"),
        MalformedCase("A.Normalized()", at: 2, "unknown method 'Normalized'"),
        MalformedCase("A $ B", at: 2, "unexpected character '$'"),
        MalformedCase("A // B", at: 3, "expected an operand, found '/'"),
        MalformedCase("A % B", at: 2, "unexpected character '%'"),
        MalformedCase("A == B", at: 2, "unexpected character '='"),
        MalformedCase("A ** ", at: 5, "expected an operand, found \(end)"),
        MalformedCase("A ***B", at: 4, "expected an operand, found '*'"),
        MalformedCase("1e999", at: 0, "number out of range"),
        MalformedCase("A*1.5e400", at: 2, "number out of range"),
        MalformedCase("A,B", at: 1, "unexpected character ','"),
        MalformedCase("[A]", at: 0, "unexpected character '['"),
        MalformedCase("A*/B", at: 2, "expected an operand, found '/'"),
        MalformedCase("~", at: 1, "expected an operand, found \(end)"),
        MalformedCase("A) $", at: 1, "unmatched ')'"),
        MalformedCase("A\r\n$", at: 2, "unexpected character '$'"),
        MalformedCase("A+\u{1F600}", at: 2, "unexpected character '\u{1F600}'"),
        MalformedCase("e\u{301}", at: 0, "unexpected character 'e\u{301}'"),
        MalformedCase("A\u{A0}+B", at: 1, "unexpected character"),
        MalformedCase(
            String(repeating: "(", count: 10_000) + "A", at: 200, "nested more than 200 levels deep",
            label: "10,000 '(' then 'A'"),
        MalformedCase(
            String(repeating: "-", count: 100_000) + "A", at: 200, "nested more than 200 levels deep",
            label: "100,000 '-' then 'A'"),
        MalformedCase(
            String(repeating: "(", count: 201) + "A" + String(repeating: ")", count: 201), at: 200,
            "nested more than 200 levels deep", label: "201 nested parentheses"),
        MalformedCase(
            String(repeating: "-(", count: 100) + "-A" + String(repeating: ")", count: 100), at: 200,
            "nested more than 200 levels deep", label: "201 alternating '-' and '('"),
        MalformedCase(
            "A" + String(repeating: "**A", count: 201), at: 601, "nested more than 200 levels deep",
            label: "201 chained '**'"),
        MalformedCase(
            "A" + String(repeating: "+A", count: 500), at: 999, "more than 500 levels high",
            label: "500 chained '+'"),
        MalformedCase(
            "A" + String(repeating: "*A", count: 100_000), at: 999, "more than 500 levels high",
            label: "100,000 chained '*'"),
        MalformedCase(
            "A" + String(repeating: ".copy()", count: 100_000), at: 1 + 499 * 7 + 1, "more than 500 levels high",
            label: "100,000 chained method calls"),
    ]

    @Test(arguments: malformedCases)
    func rejectsMalformedExpression(_ example: MalformedCase) {
        guard let error = syntaxError(example.input) else {
            Issue.record("\(example.label) parsed")
            return
        }
        #expect(error.position == example.position)
        #expect(error.message.contains(example.message), "message: \(error.message)")
        #expect(error.expression == example.input)
    }

    @Test func atLeastTwentyFiveDistinctMalformedInputs() {
        #expect(Set(Self.malformedCases.map(\.input)).count >= 25)
    }

    @Test func descriptionShowsPositionExpressionAndMessage() {
        let error = syntaxError("A*(B")
        #expect(error?.description == #"at 4 in "A*(B": expected ')' to close the '(' at 2"#)
    }

    @Test func errorsAreTypedAndEquatable() {
        #expect(throws: ExpressionSyntaxError(expression: "A+", position: 2, message: "expected an operand, found \(end)")) {
            try ExpressionParser.parse("A+")
        }
    }
}
