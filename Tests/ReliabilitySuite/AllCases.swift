/// Every case of the suite, area by area.
func allReliabilityCases() -> [ReliabilityCase] {
    SizeCases.all + SeedCases.all + ThreadCases.all + LoopCases.all + FinitenessCases.all + BlameCases.all
        + SolverCases.all + LearningCases.all + BiophysicsCases.all + EquationCases.all
}
