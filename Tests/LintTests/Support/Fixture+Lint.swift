import AlembicModel
import Lint
import TestSupport

extension Fixture {
    /// Diagnostics of the whole project, optionally only one rule's.
    func lint(_ code: String? = nil, settings: LintSettings = LintSettings()) -> [Diagnostic] {
        var settings = settings
        if let code { settings.select = [RuleSelector(code)] }
        return LintEngine.run(analyze(), settings: settings, projectRoot: root)
    }
}
