package dev.pel.bench.cli;

import dev.pel.bench.workload.WrongResultException;
import dev.pel.runtime.PelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code pel} command line. Exit codes: 0 success, 1 failure while running (including a kernel
 * that gave a wrong result), 2 bad usage (unknown kernel, backend, peer or option).
 */
@Command(name = "pel", mixinStandardHelpOptions = true, version = "pel 0.1.0-SNAPSHOT",
        description = "Pel: data-parallel numeric kernels on the JVM. Inspect the backends, explain a dispatch decision,"
                + " compare backends and peer libraries, or run a demo job.",
        subcommands = {DevicesCommand.class, ExplainCommand.class, SweepCommand.class, DemoCommand.class, MatrixCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "  jmh      JMH benchmarks: pel jmh [JMH options], e.g. pel jmh -l"})
public final class PelCommand implements Runnable {
    /** Exit code of a failure while running. */
    public static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: one of devices, explain, sweep, demo, jmh");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: short error messages, the exit codes documented above. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PelCommand());
        cl.setParameterExceptionHandler(PelCommand::onBadUsage);
        cl.setExecutionExceptionHandler(PelCommand::onFailure);
        return cl;
    }

    /** Bad usage: the message and where to get help, without the full usage text burying it. */
    private static int onBadUsage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        var err = cl.getErr();
        err.println(cl.getCommandName() + ": " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            String path = cl.getCommandSpec().qualifiedName();
            err.println("Try '" + path + " --help' for more information.");
        }
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A failure while running: our own errors are reported by their message (they are written to be
     * read); anything unexpected also gets its stack trace, so nothing is hidden.
     */
    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": error: " + e.getMessage());
        if (!expected(e)) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    private static boolean expected(Exception e) {
        return e instanceof PelException || e instanceof WrongResultException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof IOException || e instanceof UncheckedIOException;
    }
}
