import COpenBLAS
import Foundation

/// The only place in BrainKit that calls BLAS or LAPACK.
///
/// Every function takes Swift sizes (`Int`), checks them with `precondition` before any
/// pointer reaches C (BLAS does no bounds checking), converts to `Int32` once, and turns a
/// LAPACK `info` into a typed ``BrainKitError`` of kind ``BrainKitError/Kind/linearAlgebra``.
/// Build-time routines work on ``Matrix`` (Double, row-major); the step-loop routines work on
/// raw `Float` pointers into the simulator's arena.
///
/// This layer also owns OpenBLAS's thread policy: the simulator's executor owns the cores, so
/// BLAS runs single-threaded inside it (see ``setBLASThreads(_:)``).
public enum LinearAlgebra {
    private static let lower = CChar(UInt8(ascii: "L"))
    private static let upper = CChar(UInt8(ascii: "U"))

    // MARK: - Thread policy

    /// Sets the number of OpenBLAS threads for the whole process. With one, OpenBLAS's idle
    /// worker threads are also stopped: after the library loads (and after each threaded
    /// call) they spin for a while, taking cores from the simulator's own threads
    /// (docs/engine.md). OpenBLAS starts them
    /// again if a later call asks for more threads.
    public static func setBLASThreads(_ count: Int) {
        precondition(count >= 1, "LinearAlgebra.setBLASThreads: count must be >= 1")
        openblas_set_num_threads(Int32(count))
        if count == 1 { _ = stopIdleBLASThreads?() }
    }

    /// Applied before the first build-time routine of the process runs: BLAS on one thread.
    /// Build-time callers (decoder solves on all cores, tests running in parallel) call BLAS
    /// from several threads at once; with OpenBLAS's own threads as well, a result depended on
    /// whether a simulator had already set one thread (the split of a product among BLAS
    /// threads changes its rounding) and, with concurrent callers, was sometimes wrong.
    static let singleThreaded: Void = setBLASThreads(1)

    /// OpenBLAS's `blas_thread_shutdown_` (what its threaded build calls before a fork), looked
    /// up at run time: single-threaded and OpenMP builds of OpenBLAS do not have it.
    private static let stopIdleBLASThreads: (@convention(c) () -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) () -> Int32).self)
    }()

    /// The number of threads OpenBLAS currently uses.
    public static var blasThreads: Int {
        Int(openblas_get_num_threads())
    }

    // MARK: - Double, build time

    /// `op(a) · op(b)` where `op` transposes when asked (dgemm).
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false
    ) -> Matrix {
        _ = singleThreaded
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "LinearAlgebra.multiply: inner sizes \(k) and \(kb) differ")
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 || k == 0 { return c }
        a.values.withUnsafeBufferPointer { ap in
            b.values.withUnsafeBufferPointer { bp in
                c.values.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1.0,
                        ap.baseAddress, Int32(a.columns),
                        bp.baseAddress, Int32(b.columns),
                        0.0, cp.baseAddress, Int32(n))
                }
            }
        }
        return c
    }

    /// `a · x` for a vector `x` (dgemv).
    public static func multiply(_ a: Matrix, _ x: [Double]) -> [Double] {
        _ = singleThreaded
        precondition(x.count == a.columns, "LinearAlgebra.multiply: vector of \(x.count) for \(a.columns) columns")
        var y = [Double](repeating: 0, count: a.rows)
        if a.rows == 0 || a.columns == 0 { return y }
        a.values.withUnsafeBufferPointer { ap in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    cblas_dgemv(
                        CblasRowMajor, CblasNoTrans, Int32(a.rows), Int32(a.columns), 1.0,
                        ap.baseAddress, Int32(a.columns), xp.baseAddress, 1, 0.0, yp.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// The Gram matrix `aᵀ·a` (n x n for an m x n `a`), computed with syrk and mirrored so
    /// that both triangles are filled. `accumulation: .single` forms it from a Float32 copy of
    /// `a` with ssyrk (about twice as fast; relative error ~1e-7 per entry).
    public static func gram(_ a: Matrix, accumulation: Accumulation = .double) -> Matrix {
        syrk(a, transpose: true, accumulation: accumulation, mirror: true)
    }

    /// The lower triangle (and diagonal) of the Gram matrix `aᵀ·a`; the upper triangle is
    /// left zero. Enough for ``choleskySolve(_:_:)``, and saves mirroring a large matrix.
    static func lowerGram(_ a: Matrix, accumulation: Accumulation = .double) -> Matrix {
        syrk(a, transpose: true, accumulation: accumulation, mirror: false)
    }

    /// The outer Gram matrix `a·aᵀ` (m x m for an m x n `a`), with syrk.
    public static func outerGram(_ a: Matrix, accumulation: Accumulation = .double) -> Matrix {
        syrk(a, transpose: false, accumulation: accumulation, mirror: true)
    }

    /// The precision products are accumulated in.
    public enum Accumulation: Sendable {
        /// Products summed in `Double`.
        case double
        /// Products summed in `Float` (faster; for large Gram matrices).
        case single
    }

    private static func syrk(_ a: Matrix, transpose: Bool, accumulation: Accumulation, mirror: Bool) -> Matrix {
        _ = singleThreaded
        let n = transpose ? a.columns : a.rows
        let k = transpose ? a.rows : a.columns
        var c = Matrix(rows: n, columns: n)
        if n == 0 || k == 0 { return c }
        switch accumulation {
        case .double:
            a.values.withUnsafeBufferPointer { ap in
                c.values.withUnsafeMutableBufferPointer { cp in
                    cblas_dsyrk(
                        CblasRowMajor, CblasLower, transpose ? CblasTrans : CblasNoTrans,
                        Int32(n), Int32(k), 1.0, ap.baseAddress, Int32(a.columns), 0.0, cp.baseAddress, Int32(n))
                }
            }
        case .single:
            c = singleLowerSyrk(SingleMatrix(a), transpose: transpose)
        }
        if mirror {
            for r in 0..<n {
                for col in (r + 1)..<max(n, r + 1) {
                    c.values[r * n + col] = c.values[col * n + r]
                }
            }
        }
        return c
    }

    /// Solves `spd · x = rhs` for a symmetric positive definite `spd` by Cholesky (dposv).
    /// Only the lower triangle (and diagonal) of `spd` is read: row-major, it is the upper
    /// triangle of the same storage read column-major, which LAPACK factors as `UᵀU` with no
    /// transposed copy.
    /// - Throws: ``BrainKitError/Kind/linearAlgebra`` when `spd` is not positive definite.
    public static func choleskySolve(_ spd: Matrix, _ rhs: Matrix) throws(BrainKitError) -> Matrix {
        _ = singleThreaded
        precondition(spd.rows == spd.columns, "LinearAlgebra.choleskySolve: matrix is \(spd.rows)x\(spd.columns)")
        precondition(rhs.rows == spd.rows, "LinearAlgebra.choleskySolve: rhs has \(rhs.rows) rows for \(spd.rows)")
        let n = spd.rows
        if n == 0 || rhs.columns == 0 { return Matrix(rows: n, columns: rhs.columns) }
        var a = spd.values
        // Column-major right-hand sides: the transpose's row-major storage.
        var b = rhs.transposed.values
        let info = LAPACKE_dposv_work(
            LAPACK_COL_MAJOR, upper, Int32(n), Int32(rhs.columns), &a, Int32(n), &b, Int32(n))
        guard info == 0 else {
            throw BrainKitError(
                .linearAlgebra, object: "Cholesky", parameter: nil,
                message: info > 0
                    ? "matrix is not positive definite (leading minor \(info) fails)"
                    : "argument \(-info) was invalid")
        }
        return Matrix(rows: rhs.columns, columns: n, values: b).transposed
    }

    /// `x` with `a·x = b` for a square `a`, by LU with partial pivoting (dgesv).
    /// - Throws: a linear-algebra error when `a` is singular.
    public static func solve(_ a: Matrix, _ b: [Double]) throws(BrainKitError) -> [Double] {
        _ = singleThreaded
        precondition(a.rows == a.columns && a.rows == b.count, "LinearAlgebra.solve: \(a.rows)x\(a.columns) against \(b.count)")
        let n = a.rows
        if n == 0 { return [] }
        var av = a.values, x = b
        var pivots = [Int32](repeating: 0, count: n)
        let info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, Int32(n), 1, &av, Int32(n), &pivots, &x, 1)
        guard info == 0 else {
            throw BrainKitError(
                .linearAlgebra, object: "LU solve", parameter: nil,
                message: info > 0 ? "matrix is singular (U[\(info), \(info)] is 0)" : "argument \(-info) was invalid")
        }
        return x
    }

    /// The eigenvalues (ascending) and eigenvectors (the columns of `vectors`) of a symmetric
    /// matrix, whose lower triangle is read (dsyevd).
    /// - Throws: a linear-algebra error when the iteration does not converge.
    public static func symmetricEigen(_ m: Matrix) throws(BrainKitError) -> (values: [Double], vectors: Matrix) {
        _ = singleThreaded
        precondition(m.rows == m.columns, "LinearAlgebra.symmetricEigen: \(m.rows)x\(m.columns) is not square")
        let n = m.rows
        if n == 0 { return ([], Matrix(rows: 0, columns: 0)) }
        var a = m.values
        var w = [Double](repeating: 0, count: n)
        let info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), lower, Int32(n), &a, Int32(n), &w)
        guard info == 0 else {
            throw BrainKitError(.linearAlgebra, object: "Symmetric eigendecomposition", parameter: nil, message: "dsyevd failed (info \(info))")
        }
        return (w, Matrix(rows: n, columns: n, values: a))
    }

    /// The thin singular value decomposition `m = u · diag(s) · vt` (dgesdd).
    /// `u` is rows x k, `s` has k values in descending order and `vt` is k x columns, with
    /// k = min(rows, columns).
    public static func svd(_ m: Matrix) throws(BrainKitError) -> (u: Matrix, s: [Double], vt: Matrix) {
        _ = singleThreaded
        let k = min(m.rows, m.columns)
        var a = m.values
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: m.rows * k)
        var vt = [Double](repeating: 0, count: k * m.columns)
        if k == 0 {
            return (Matrix(rows: m.rows, columns: 0), [], Matrix(rows: 0, columns: m.columns))
        }
        let info = LAPACKE_dgesdd(
            LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "S")), Int32(m.rows), Int32(m.columns),
            &a, Int32(m.columns), &s, &u, Int32(k), &vt, Int32(m.columns))
        guard info == 0 else {
            throw BrainKitError(.linearAlgebra, object: "SVD", parameter: nil, message: "dgesdd failed (info \(info))")
        }
        return (Matrix(rows: m.rows, columns: k, values: u), s, Matrix(rows: k, columns: m.columns, values: vt))
    }

    /// Minimum-norm least squares `argmin ‖a·x − b‖` by SVD (dgelsd); singular values below
    /// `rcond · s_max` are treated as zero.
    public static func leastSquares(_ a: Matrix, _ b: Matrix, rcond: Double) throws(BrainKitError) -> Matrix {
        _ = singleThreaded
        precondition(a.rows == b.rows, "LinearAlgebra.leastSquares: \(a.rows) rows against \(b.rows)")
        let m = a.rows, n = a.columns, nrhs = b.columns
        if n == 0 || nrhs == 0 { return Matrix(rows: n, columns: nrhs) }
        let ldb = max(m, n)
        var av = a.values
        var bv = [Double](repeating: 0, count: ldb * nrhs)
        for r in 0..<m {
            for c in 0..<nrhs { bv[r * nrhs + c] = b[r, c] }
        }
        var s = [Double](repeating: 0, count: min(m, n))
        var rank: Int32 = 0
        let info = LAPACKE_dgelsd(
            LAPACK_ROW_MAJOR, Int32(m), Int32(n), Int32(nrhs), &av, Int32(n), &bv, Int32(nrhs), &s, rcond, &rank)
        guard info == 0 else {
            throw BrainKitError(
                .linearAlgebra, object: "Lstsq", parameter: nil, message: "dgelsd did not converge (info \(info))")
        }
        return Matrix(rows: n, columns: nrhs, values: Array(bv[0..<(n * nrhs)]))
    }

    // MARK: - Float, step loop

    /// `y = a·x` (or `y += a·x` when `accumulate`) for a row-major `rows x columns` matrix `a`
    /// in the arena (sgemv). `y` must not alias `a` or `x`.
    @inline(__always)
    public static func gemv(
        rows: Int, columns: Int,
        matrix a: UnsafePointer<Float>, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
        accumulate: Bool
    ) {
        precondition(rows >= 0 && columns >= 0)
        if rows == 0 { return }
        if columns == 0 {
            if !accumulate { y.update(repeating: 0, count: rows) }
            return
        }
        cblas_sgemv(
            CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns), 1.0, a, Int32(columns), x, 1,
            accumulate ? 1.0 : 0.0, y, 1)
    }

    /// `c (+)= a·b` for row-major Float matrices (sgemm): `a` is m x k, `b` is k x n, `c` is
    /// m x n.
    @inline(__always)
    public static func gemm(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        accumulate: Bool
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0)
        if m == 0 || n == 0 { return }
        if k == 0 {
            if !accumulate { c.update(repeating: 0, count: m * n) }
            return
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1.0, a, Int32(k), b, Int32(n),
            accumulate ? 1.0 : 0.0, c, Int32(n))
    }
}
