import ArgumentParser

/// Output of the listing commands (`rules`): a text table or JSON.
enum ListFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
