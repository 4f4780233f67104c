return HaSim.Cli.HasimCli.Run(args);
