/// A refusal the server answered with `success:false` and an error code.
public struct BusinessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The call, for example `POST /order/update`.
    public var endpoint: String
    /// The server's `errorCode` (or `error_code`).
    public var code: Int
    /// The server's `errorMsg`, when it sent one.
    public var message: String?
    /// What the code means for this endpoint.
    public var reason: BusinessFailure
    /// The order as it stands, which `/order/update` and `/order/cancel` send with a refusal.
    public var order: Order?

    /// A refusal of `endpoint` with the server's `code` and `message`, what the code means,
    /// and the order the answer carried.
    public init(endpoint: String, code: Int, message: String?, reason: BusinessFailure, order: Order? = nil) {
        self.endpoint = endpoint
        self.code = code
        self.message = message
        self.reason = reason
        self.order = order
    }

    /// The call, the code and its meaning, and the server's message: `POST /order/update
    /// refused (error 1000, only an unfilled order can be updated): ...`.
    public var description: String {
        let detail = message.map { ": \($0)" } ?? ""
        return "\(endpoint) refused (error \(code), \(reason))\(detail)"
    }
}

/// The documented meanings of the API's error codes. The same number means different things
/// on different endpoints (1 is "account not exist" for login and "duplicated secret" for
/// `/secret/add`), so the client maps codes per endpoint.
public enum BusinessFailure: Hashable, Sendable, CustomStringConvertible {
    /// Login 1.
    case accountNotFound
    /// Login 3.
    case wrongPassword
    /// Login 4, and any endpoint's parameters error (4), such as a layout position out of range.
    case invalidParameters
    /// Signup 1.
    case userNameTaken
    /// Signup 2.
    case emailTaken
    /// Signup 3.
    case phoneTaken
    /// Signup 4.
    case accountTaken
    /// Signup 5.
    case badVerificationCode
    /// Order update 1000: only an unfilled order can be updated.
    case orderNotUpdatable
    /// Order cancel 1001: the order is no longer active.
    case orderNotCancelable
    /// Secret add 1.
    case duplicatedSecret
    /// 500 on the secret and strategy endpoints: the owner or strategy is not the user's.
    case wrongOwner
    /// A code this client does not know for the endpoint.
    case unrecognized

    /// What the code means, in a few words.
    public var description: String {
        switch self {
        case .accountNotFound: "the account does not exist"
        case .wrongPassword: "wrong password"
        case .invalidParameters: "invalid parameters"
        case .userNameTaken: "the user name is taken"
        case .emailTaken: "the email is taken"
        case .phoneTaken: "the phone is taken"
        case .accountTaken: "the account is taken"
        case .badVerificationCode: "wrong verification code"
        case .orderNotUpdatable: "only an unfilled order can be updated"
        case .orderNotCancelable: "the order is no longer active"
        case .duplicatedSecret: "that secret key is already registered"
        case .wrongOwner: "unexpected error (wrong owner)"
        case .unrecognized: "an error code this client does not know"
        }
    }
}

/// Which error table applies to an endpoint.
enum ErrorTable: Sendable {
    case general, login, signup, orderUpdate, orderCancel, secretAdd, ownerChecked

    func reason(for code: Int) -> BusinessFailure {
        switch (self, code) {
        case (.login, 1): .accountNotFound
        case (.login, 3): .wrongPassword
        case (.signup, 1): .userNameTaken
        case (.signup, 2): .emailTaken
        case (.signup, 3): .phoneTaken
        case (.signup, 4): .accountTaken
        case (.signup, 5): .badVerificationCode
        case (.orderUpdate, 1000): .orderNotUpdatable
        case (.orderCancel, 1001): .orderNotCancelable
        case (.secretAdd, 1): .duplicatedSecret
        case (.secretAdd, 500), (.ownerChecked, 500): .wrongOwner
        case (.signup, _): .unrecognized
        case (_, 4): .invalidParameters
        default: .unrecognized
        }
    }
}
