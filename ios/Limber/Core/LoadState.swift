import Foundation
import LimberCore

enum LoadState<Value> {
    case loading
    case loaded(Value)
    case failed(String)
}

/// Words for people from any error. The core's reasons never repeat health data.
func describe(_ error: Error) -> String {
    if let error = error as? LimberError {
        return error.reason
    }
    return error.localizedDescription
}
