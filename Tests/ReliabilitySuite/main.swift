import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// The reliability suite: adversarial inputs to BrainKit, each run in a child process of this
// same executable under a memory limit, so that a trap, a runaway allocation or a hang ends
// only its own case. `reliability-suite` runs every case and prints a table by outcome (exit
// status 1 when any case does not end as expected); `reliability-suite --case NAME` runs one
// case here and prints its outcome; `--list` prints the names; `--verbose` prints every case.

let arguments = Array(CommandLine.arguments.dropFirst())
let cases = allReliabilityCases()

if let flag = arguments.firstIndex(of: "--case"), flag + 1 < arguments.count {
    let name = arguments[flag + 1]
    guard let found = cases.first(where: { $0.name == name }) else {
        print("unknown case \(name)")
        exit(2)
    }
    ChildProcess.limitMemory(bytes: ChildProcess.memoryLimit)
    let (outcome, detail) = found.evaluate()
    print(ChildProcess.report(outcome, detail))
    exit(0)
}

if arguments.contains("--list") {
    for c in cases { print(c.name) }
    exit(0)
}

let names = Set(cases.map(\.name))
guard names.count == cases.count else {
    print("duplicate case names")
    exit(2)
}
let filter = arguments.firstIndex(of: "--filter").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
let selected = cases.filter { filter == nil || $0.name.contains(filter!) }
let report = SuiteRunner(cases: selected, verbose: arguments.contains("--verbose")).run()
print(report.table)
exit(report.passed ? 0 : 1)
