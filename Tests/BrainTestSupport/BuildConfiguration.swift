/// Whether this is an optimized build. Debug builds run generic code unspecialized, which boxes
/// values on the heap; allocation-free stepping is a property of optimized (release) builds,
/// which `make test` uses.
public let isOptimizedBuild: Bool = {
    #if DEBUG
        return false
    #else
        return true
    #endif
}()
