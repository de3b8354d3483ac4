import AlembicLSCLI

AlembicLS.runMain()
