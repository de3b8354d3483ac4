import Foundation

/// Plans the file `alembic merge` 1.20 writes (`command.merge` →
/// `ScriptDirectory.generate_revision`), without running Python: the revision id, the heads
/// in alembic's order, the version location, the file name from `file_template`, and the
/// project's `script.py.mako` rendered by ``MakoTemplate``.
public enum MergeMigration {
    /// `alembic.script.revision._revision_illegal_chars`.
    private static let illegalCharacters: [String] = ["+", "-", ":", "@"]

    /// The migration `alembic merge` would create for `request`.
    ///
    /// - Parameters:
    ///   - environment: the analysed environment (its graph must have built).
    ///   - template: the text of the environment's `script.py.mako`; nil when there is none
    ///     (alembic's `generic` template is used, with a note).
    ///   - config: what `config.get_main_option(…)` answers in the template (the ini file's
    ///     sections, interpolated).
    public static func plan(
        _ request: MergeRequest, environment: EnvironmentAnalysis, template: String?, config: MakoConfig? = nil
    ) -> Result<PlannedMigration, MergeError> {
        do throws(MergeError) {
            return .success(try makePlan(request, environment: environment, template: template, config: config))
        } catch {
            return .failure(error)
        }
    }

    /// `alembic.util.rev_id()`: the last 12 hex digits of a random UUID.
    public static func newRevisionID() -> String {
        String(UUID().uuidString.lowercased().filter { $0 != "-" }.suffix(12))
    }

    private static func makePlan(
        _ request: MergeRequest, environment analysis: EnvironmentAnalysis, template: String?, config: MakoConfig?
    ) throws(MergeError) -> PlannedMigration {
        let environment = analysis.environment
        guard let scriptDirectory = environment.scriptDirectory else { throw .noScriptDirectory }
        let revisionID = request.revisionID ?? newRevisionID()
        let illegal = illegalCharacters.filter { revisionID.contains($0) }
        if !illegal.isEmpty { throw .invalidRevisionID(id: revisionID, characters: illegal) }

        let heads = try resolveHeads(request.revisions, graph: analysis.graph)
        if Set(heads).count != heads.count { throw .duplicateHeads }

        let date = try createDate(request, timezone: environment.timezone?.value)
        let versionPath = try versionPath(heads: heads, analysis: analysis)
        let slug = MigrationFileName.slug(
            request.message, truncateLength: truncateLength(environment.truncateSlugLength?.value))
        let fileName = try MigrationFileName.fileName(
            template: environment.fileTemplate.value, revisionID: revisionID, slug: slug, date: date
        ).get()
        let path = PythonPath.normalize(PythonPath.join(versionPath, fileName))

        if !request.splice {
            for head in heads where analysis.graph.revisionInfo(head)?.isHead == false {
                throw .notAHead(head)
            }
        }

        var notes: [String] = []
        if heads.count < 2 {
            notes.append(
                heads.isEmpty
                    ? "nothing to merge: the new revision has no parent"
                    : "nothing to merge: only one revision (\(heads[0])) is named; the new revision simply follows it")
        }
        var variables: [String: MakoValue] = [
            "up_revision": .string(revisionID),
            "down_revision": .scalarOrTuple(heads),
            "branch_labels": request.branchLabels.isEmpty ? .none : .tuple(request.branchLabels.map(MakoValue.string)),
            "depends_on": .none,
            "create_date": .dateTime(date),
            "comma": .function("format_as_comma"),
            "message": .string(request.message ?? "empty message"),
        ]
        variables["config"] = .config(
            config ?? MakoConfig(fileName: environment.configFile, mainSection: environment.section ?? "alembic", sections: [:]))
        let contents = try render(template, variables: variables, scriptDirectory: scriptDirectory, notes: &notes)

        return PlannedMigration(path: path, contents: contents, revisionID: revisionID, downRevisions: heads, notes: notes)
    }

    /// `truncate_slug_length or 40`.
    private static func truncateLength(_ configured: Int?) -> Int {
        guard let configured, configured != 0 else { return 40 }
        return configured
    }

    /// `revision_map.get_revisions(revisions)`, with `generate_revision`'s error wording.
    private static func resolveHeads(_ revisions: [String], graph: RevisionGraph) throws(MergeError) -> [String] {
        let resolved: [ResolvedRevision]
        do throws(RevisionGraphError) {
            if let error = graph.buildError { throw error }
            resolved = try graph.getRevisions(revisions.count == 1 ? .string(revisions[0]) : .tuple(revisions))
        } catch {
            if error.kind == .multipleHeads {
                throw .revisions(
                    "Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.")
            }
            throw .revisions(error.cliMessage ?? "\(error.className): \(error.message)")
        }
        var heads: [String] = []
        for revision in resolved {
            switch revision {
            case .revision(let id): heads.append(id)
            case .none: continue
            case .symbol(let symbol): throw .revisions("Can't locate revision identified by '\(symbol)'")
            }
        }
        return heads
    }

    /// `ScriptDirectory._generate_create_date`: aware in the configured zone (tried as written,
    /// then upper-cased), else naive local time.
    private static func createDate(_ request: MergeRequest, timezone: String?) throws(MergeError) -> PythonDateTime {
        let now = request.date ?? Date()
        guard let timezone else { return PythonDateTime(now, in: request.localTimeZone, aware: false) }
        guard let zone = TimeZone(identifier: timezone) ?? TimeZone(identifier: timezone.uppercased()) else {
            throw .unknownTimezone(timezone)
        }
        return PythonDateTime(now, in: zone, aware: true)
    }

    /// The directory `generate_revision` writes to: the single version location, or with
    /// several, the directory of the first head's file.
    private static func versionPath(heads: [String], analysis: EnvironmentAnalysis) throws(MergeError) -> String {
        let locations = analysis.environment.effectiveVersionLocations.map(PythonPath.normalize)
        let chosen: String
        if locations.count > 1 {
            guard let file = heads.lazy.compactMap({ analysis.file(for: $0) }).first else {
                throw .multipleVersionLocations
            }
            chosen = PythonPath.normalize(PythonPath.parent(file.path))
        } else if let only = locations.first {
            chosen = only
        } else {
            throw .noScriptDirectory
        }
        guard locations.contains(chosen) else { throw .versionPathNotRepresented(chosen) }
        return chosen
    }

    private static func render(
        _ template: String?, variables: [String: MakoValue], scriptDirectory: String, notes: inout [String]
    ) throws(MergeError) -> String {
        let templatePath = PythonPath.join(scriptDirectory, "script.py.mako")
        var fallbackReason: String?
        if let template {
            switch MakoTemplate.parse(template).flatMap({ $0.render(variables) }) {
            case .success(let text): return text
            case .failure(.unsupportedSyntax(let line, let what)):
                fallbackReason = "\(templatePath) line \(line) uses \(what), which alembic-ls does not render"
            case .failure(let error):
                throw .templateFailed(error)
            }
        } else {
            fallbackReason = "\(templatePath) is missing"
        }
        notes.append("\(fallbackReason ?? ""); used Alembic's default 'generic' template instead")
        switch MakoTemplate.parse(AlembicDefaultTemplate.generic).flatMap({ $0.render(variables) }) {
        case .success(let text): return text
        case .failure(let error): throw .templateFailed(error)
        }
    }
}
