package dev.pel.bench.cli;

import dev.pel.runtime.DType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parsing shared by the commands; a bad value is a usage error (exit code 2). */
final class Options {
    private Options() {
    }

    static DType dtype(CommandSpec spec, String text) {
        try {
            return DType.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, text);
        }
    }
}
