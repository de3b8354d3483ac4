import Foundation

extension MergeMigration {
    /// ``plan(_:environment:template:config:)`` with the environment's own `script.py.mako`
    /// and ini sections read from disk (the CLI's `merge` and the editor's quick fix).
    public static func planReadingTemplate(
        _ request: MergeRequest, environment: EnvironmentAnalysis
    ) -> Result<PlannedMigration, MergeError> {
        let template = environment.environment.scriptTemplate.flatMap { FileManager.default.contents(atPath: $0) }
            .map { String(decoding: $0, as: UTF8.self) }
        return plan(request, environment: environment, template: template, config: MakoConfig(environment.environment))
    }
}

extension MakoConfig {
    /// What `config.get_main_option(…)` answers in the environment's templates: its ini
    /// file's sections, interpolated.
    public init(_ environment: AlembicEnvironment) {
        var sections: [String: [String: String]] = [:]
        if let path = environment.configFile {
            let ini = IniParser.parse(contentsOf: path, cwd: environment.workingDirectory)
            for section in ini.sections {
                var values: [String: String] = [:]
                for key in Set(section.entries.map(\.key) + ini.defaults.entries.map(\.key)) {
                    if case .success(let value) = ini.interpolatedValue(section: section.name, key: key) { values[key] = value }
                }
                sections[section.name] = values
            }
        }
        self.init(fileName: environment.configFile, mainSection: environment.section ?? "alembic", sections: sections)
    }
}
