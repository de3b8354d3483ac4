import PythonSyntax

/// The model index of a loaded project (``ModelAnalysis`` per environment).
extension ProjectLoader {
    /// Indexes the models of every environment of `project`: one walk of the workspace for
    /// Python files with model or `create_all` markers and CI files (read and checked in
    /// parallel), then per environment env.py's imports and the model modules. Adds every
    /// file read to ``ProjectAnalysis/sources``.
    public static func indexModels(_ project: inout ProjectAnalysis) {
        guard !project.environments.isEmpty else { return }
        let excluded = Set(project.environments.flatMap(\.environment.effectiveVersionLocations))
        let directories = project.roots.filter { FileSystemProbe.isDirectory($0) }
        let scan = WorkspaceFileScan.scan(roots: directories, excludedDirectories: excluded)
        let envPaths = Set(project.environments.compactMap(\.environment.envPy))
        let pythonFiles = scan.pythonFiles.filter { !envPaths.contains($0) }
        struct Candidate: Sendable {
            var bytes: [UInt8]
            var models: Bool
            var bypass: Bool
        }
        let candidates = ParallelMap.map(pythonFiles.indices, serialBelow: 16) { i -> Candidate? in
            guard case let .success(bytes) = FileSystemProbe.readFile(pythonFiles[i], limit: 4 << 20) else { return nil }
            let models = SchemaBypassScanner.contains(bytes, anyOf: ModelAnalyzer.modelMarkers)
            let bypass = !WorkspaceFileScan.isTestFile(pythonFiles[i]) && SchemaBypassScanner.contains(bytes, anyOf: ModelAnalyzer.bypassMarkers)
            return models || bypass ? Candidate(bytes: bytes, models: models, bypass: bypass) : nil
        }
        var modelFiles: [String] = []
        var bypassFiles: [String] = []
        for (path, candidate) in zip(pythonFiles, candidates) {
            guard let candidate else { continue }
            if candidate.models { modelFiles.append(path) }
            if candidate.bypass { bypassFiles.append(path) }
        }
        var bypasses: [SchemaBypass] = []
        for path in scan.ciFiles {
            guard case let .success(bytes) = FileSystemProbe.readFile(path, limit: 4 << 20) else { continue }
            let found = SchemaBypassScanner.text(path: path, bytes: bytes)
            if !found.isEmpty {
                bypasses += found
                project.sources[path] = SourceFile(path: path, bytes: bytes)
            }
        }
        var pythonBypassesDone = false
        for index in project.environments.indices {
            let environment = project.environments[index].environment
            let modules = modules(for: environment, searchRoots: project.roots)
            if !pythonBypassesDone {
                pythonBypassesDone = true
                let resolver = ModelResolver(modules: modules)
                for path in bypassFiles {
                    guard let module = modules.module(atPath: path, name: modules.moduleName(ofPath: path) ?? PythonPath.name(path)) else { continue }
                    let found = SchemaBypassScanner.python(module, resolver: resolver)
                    if !found.isEmpty {
                        bypasses += found
                        project.sources[path] = SourceFile(path: path, bytes: module.bytes)
                    }
                }
            }
            let analysis = ModelAnalyzer.analyze(envPy: environment.envPy, modules: modules, modelFiles: modelFiles, bypasses: bypasses)
            var paths = Set(analysis.chain.modules.keys)
            for declared in analysis.classes { paths.insert(declared.location.path) }
            for declared in analysis.metadata { paths.formUnion(declared.tableLocations.values.map(\.path)) }
            if let collecting = analysis.collectingModule { paths.insert(collecting.path) }
            for path in paths where project.sources[path] == nil {
                if let module = modules.module(atPath: path) { project.sources[path] = SourceFile(path: path, bytes: module.bytes) }
            }
            project.environments[index].models = analysis
        }
        let targets = Set(project.environments.flatMap { $0.models?.target.identities ?? [] })
        for index in project.environments.indices { project.environments[index].models?.projectTargets = targets }
    }
}
