/// A JSON-RPC error response, with the codes of the JSON-RPC and LSP specifications.
public struct ResponseError: Error, Codable, Hashable, Sendable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    public static let serverNotInitializedCode = -32002
    public static let requestCancelledCode = -32800
    public static let contentModifiedCode = -32801

    public static func parseError(_ message: String) -> ResponseError { ResponseError(code: parseErrorCode, message: message) }
    public static func invalidRequest(_ message: String) -> ResponseError { ResponseError(code: invalidRequestCode, message: message) }
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: methodNotFoundCode, message: "method not found: \(method)")
    }
    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: invalidParamsCode, message: message) }
    public static let serverNotInitialized = ResponseError(code: serverNotInitializedCode, message: "the server is not initialized")
    public static let cancelled = ResponseError(code: requestCancelledCode, message: "the request was cancelled")
    public static let contentModified = ResponseError(code: contentModifiedCode, message: "the document changed before the answer")
}
