import Foundation

/// A reference file named in a test is not in the bundle's Fixtures folder.
struct FixtureMissing: Error {
    let name: String
}

/// Decodes `Fixtures/<name>.json` from the test bundle.
func decodeFixture<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw FixtureMissing(name: name)
    }
    return try JSONDecoder().decode(type, from: Data(contentsOf: url))
}
