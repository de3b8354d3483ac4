import AlembicLSCLI
AlembicLS.main()
