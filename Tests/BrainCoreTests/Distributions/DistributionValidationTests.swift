import Testing
@testable import BrainCore

/// Bad parameters and impossible shapes throw validation errors naming object and parameter.
@Suite("Distributions validate their input")
struct DistributionValidationTests {
    /// The validation error `body` throws, or nil if it throws none (or another kind).
    private func validationError(_ body: () throws -> Void) -> BrainKitError? {
        do {
            try body()
            return nil
        } catch let error as BrainKitError {
            return error.kind == .validation ? error : nil
        } catch {
            return nil
        }
    }

    @Test func exponentialParameters() {
        let zero = validationError { _ = try Exponential(scale: 0) }
        #expect(zero?.object == "Exponential" && zero?.parameter == "scale")
        #expect(zero?.description == "Exponential: scale must be > 0, got 0")
        #expect(validationError { _ = try Exponential(scale: -1) }?.parameter == "scale")
        #expect(validationError { _ = try Exponential(scale: .infinity) }?.parameter == "scale")
        #expect(validationError { _ = try Exponential(scale: 1, shift: .nan) }?.parameter == "shift")
        #expect(validationError { _ = try Exponential(scale: 1, high: .nan) }?.parameter == "high")
    }

    @Test func betaDistributionParameters() throws {
        let n = validationError { _ = try SqrtBeta(n: 0) }
        #expect(n?.object == "SqrtBeta" && n?.parameter == "n")
        #expect(n?.description == "SqrtBeta: n must be >= 1, got 0")
        #expect(validationError { _ = try SqrtBeta(n: 3, m: 0) }?.parameter == "m")
        #expect(validationError { _ = try SqrtBeta(n: -2, m: 1) }?.parameter == "n")

        let one = validationError { _ = try SubvectorLength(dimensions: 1) }
        #expect(one?.object == "SubvectorLength" && one?.parameter == "dimensions")
        let whole = validationError { _ = try SubvectorLength(dimensions: 4, subdimensions: 4) }
        #expect(whole?.object == "SubvectorLength" && whole?.parameter == "subdimensions")
        #expect(whole?.description == "SubvectorLength: subdimensions must be < dimensions (4), got 4")
        let none = validationError { _ = try SubvectorLength(dimensions: 4, subdimensions: 0) }
        #expect(none?.parameter == "subdimensions")

        let cosine = validationError { _ = try CosineSimilarity(dimensions: 1) }
        #expect(cosine?.object == "CosineSimilarity" && cosine?.parameter == "dimensions")
        #expect(cosine?.description == "CosineSimilarity: dimensions must be >= 2, got 1")
        #expect(validationError { _ = try CosineSimilarity(dimensions: -5) }?.parameter == "dimensions")

        var rng = RandomState(seed: 0)
        let cosineSimilarity = try CosineSimilarity(dimensions: 8)
        let count = validationError { _ = try cosineSimilarity.sample(count: -1, dimensions: 2, rng: &rng) }
        #expect(count?.object == "CosineSimilarity" && count?.parameter == "count")
        let columns = validationError { _ = try SqrtBeta(n: 2).sample(count: 3, dimensions: -1, rng: &rng) }
        #expect(columns?.object == "SqrtBeta" && columns?.parameter == "dimensions")
        #expect(validationError { _ = try SubvectorLength(dimensions: 3).sample(count: -1, dimensions: 1, rng: &rng) }?
            .object == "SubvectorLength")
    }

    @Test func samplesShape() throws {
        let samples = Samples(Matrix([[1, 2], [3, 4]]))
        var rng = RandomState(seed: 0)
        #expect(try samples.sample(count: 2, dimensions: 2, rng: &rng) == samples.samples)
        let count = validationError { _ = try samples.sample(count: 3, dimensions: 2, rng: &rng) }
        #expect(count?.object == "Samples" && count?.parameter == "samples")
        #expect(count?.message.contains("3") == true)
        let dims = validationError { _ = try samples.sample(count: 2, dimensions: 3, rng: &rng) }
        #expect(dims?.object == "Samples" && dims?.parameter == "samples")
        let scalars = Samples([1, 2, 3])
        #expect(try scalars.sample(count: 3, rng: &rng) == [1, 2, 3])
        #expect(validationError { _ = try scalars.sample(count: 3, dimensions: 2, rng: &rng) } != nil)
        // Fixed samples draw nothing: the generator is where it started.
        var fresh = RandomState(seed: 0)
        #expect(rng.randomSample() == fresh.randomSample())
    }

    @Test func hypersphereParametersAndDimensions() {
        var rng = RandomState(seed: 0)
        for (object, body) in [
            ("UniformHypersphere", { (rng: inout RandomState) throws in
                _ = try UniformHypersphere().sample(count: 3, dimensions: 0, rng: &rng)
            }),
            ("ScatteredHypersphere", { (rng: inout RandomState) throws in
                _ = try ScatteredHypersphere(surface: true).sample(count: 3, dimensions: 0, rng: &rng)
            }),
            ("QuasirandomSequence", { (rng: inout RandomState) throws in
                _ = try QuasirandomSequence().sample(count: 3, dimensions: 0, rng: &rng)
            }),
        ] {
            let error = validationError { try body(&rng) }
            #expect(error?.object == object && error?.parameter == "dimensions")
        }
        let one = validationError { _ = try UniformHypersphere(minMagnitude: 1) }
        #expect(one?.description == "UniformHypersphere: minMagnitude must be < 1, got 1")
        #expect(validationError { _ = try UniformHypersphere(minMagnitude: -0.1) }?.parameter == "minMagnitude")
        #expect(validationError { _ = try ScatteredHypersphere(minMagnitude: 1) }?.object == "ScatteredHypersphere")
        #expect(validationError { _ = try ScatteredHypersphere(minMagnitude: .nan) }?.parameter == "minMagnitude")
    }

    @Test func negativeCountsAndBadIntegerRanges() throws {
        var rng = RandomState(seed: 0)
        let negative = validationError { _ = try Gaussian(mean: 0, std: 1).sample(count: -1, dimensions: 1, rng: &rng) }
        #expect(negative?.object == "Gaussian" && negative?.parameter == "count")
        #expect(validationError { _ = try Uniform(0, 1).sample(count: 2, dimensions: -1, rng: &rng) }?.parameter == "dimensions")
        #expect(validationError { _ = try Uniform(3, 3, integer: true).sample(count: 2, rng: &rng) }?.parameter == "high")
        #expect(validationError { _ = try Uniform(0, .infinity, integer: true).sample(count: 2, rng: &rng) }?.object == "Uniform")
        #expect(validationError { _ = try Choice([1, 2], weights: [1, .infinity]) }?.parameter == "weights")
        // numpy's randint truncates float bounds toward zero: [-2.5, 3.2) draws from [-2, 3).
        let truncated = try Uniform(-2.5, 3.2, integer: true).sample(count: 200, rng: &rng)
        #expect(Set(truncated) == Set([-2, -1, 0, 1, 2]))
    }

    @Test func emptyDrawsAreEmpty() throws {
        var rng = RandomState(seed: 0)
        #expect(try QuasirandomSequence().sample(count: 0, dimensions: 3, rng: &rng).rows == 0)
        #expect(try UniformHypersphere().sample(count: 0, dimensions: 2, rng: &rng).rows == 0)
        #expect(try ScatteredHypersphere(surface: true).sample(count: 0, dimensions: 2, rng: &rng).rows == 0)
        let emptyCosine = try CosineSimilarity(dimensions: 5).sample(count: 0, dimensions: 3, rng: &rng)
        #expect(emptyCosine.rows == 0 && emptyCosine.columns == 3)
        #expect(try SqrtBeta(n: 2).sample(count: 4, dimensions: 0, rng: &rng).values.isEmpty)
        // One 1-D ball point: an empty positive grid and a one-point negative grid (Nengo
        // divides by zero here).
        let single = try ScatteredHypersphere().sample(count: 1, dimensions: 1, rng: &rng)
        #expect(single.rows == 1 && single[0, 0] <= 0 && single[0, 0] > -1)
    }

    @Test func descriptionsReadLikeNengo() throws {
        #expect(try Exponential(scale: 1.5).description == "Exponential(scale: 1.5)")
        #expect(try Exponential(scale: 1.5, shift: 0.2, high: 3).description
            == "Exponential(scale: 1.5, shift: 0.2, high: 3.0)")
        #expect(try UniformHypersphere(surface: true).description == "UniformHypersphere(surface: true)")
        #expect(try UniformHypersphere(minMagnitude: 0.2).description == "UniformHypersphere(minMagnitude: 0.2)")
        #expect(QuasirandomSequence().description == "QuasirandomSequence()")
        #expect(ScatteredHypersphere().description == "ScatteredHypersphere()")
        #expect(ScatteredHypersphere(surface: true, base: Uniform(0, 1)).description
            == "ScatteredHypersphere(surface: true, base: Uniform(0.0, 1.0))")
        #expect(Samples([1, 2]).description == "Samples(count: 2, dimensions: 1)")
        #expect(try SqrtBeta(n: 3).description == "SqrtBeta(n: 3)")
        #expect(try SqrtBeta(n: 3, m: 2).description == "SqrtBeta(n: 3, m: 2)")
        #expect(try SubvectorLength(dimensions: 16).description == "SubvectorLength(dimensions: 16)")
        #expect(try SubvectorLength(dimensions: 16, subdimensions: 4).description
            == "SubvectorLength(dimensions: 16, subdimensions: 4)")
        #expect(try CosineSimilarity(dimensions: 64).description == "CosineSimilarity(dimensions: 64)")
    }
}
