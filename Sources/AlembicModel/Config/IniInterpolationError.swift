/// An error `configparser.BasicInterpolation` raises when a value is read.
public struct IniInterpolationError: Error, Hashable, Sendable {
    /// Python's exception class name (`InterpolationSyntaxError`, `InterpolationMissingOptionError`,
    /// `InterpolationDepthError`).
    public var pythonException: String
    /// A description of the failure.
    public var message: String
}
