"""Where policy-trace relies on a dependency's internals: one module per dependency, each checked."""
