package io.fresnel.io;

/**
 * The gate a command's outputs pass through when the command has a deadline: once the gate is
 * {@link #close() closed} (the deadline passed) no file is committed by {@link AtomicFiles} any
 * more, so a command that times out leaves nothing behind. The gate of the running command is
 * inherited by the threads it starts. Thread-safe.
 */
public final class OutputGate {
    private static final InheritableThreadLocal<OutputGate> CURRENT = new InheritableThreadLocal<>();

    private boolean closed;
    private boolean committed;

    /** @return the gate of the command running on this thread, or null when it has none */
    public static OutputGate current() {
        return CURRENT.get();
    }

    /**
     * Makes this the gate of the calling thread and of the threads it starts from now on.
     */
    public void install() {
        CURRENT.set(this);
    }

    /**
     * Called by a commit before it changes any file.
     *
     * @return false when the gate is closed (the commit must not happen); true otherwise, and
     *     the gate then remembers that output was committed
     */
    synchronized boolean tryCommit() {
        if (closed) {
            return false;
        }
        committed = true;
        return true;
    }

    /**
     * Closes the gate: no output is committed after this.
     *
     * @return whether some output had already been committed (the command then finished its
     *     work and should be allowed to end normally)
     */
    public synchronized boolean close() {
        closed = true;
        return committed;
    }

    /** @return whether the gate was closed */
    public synchronized boolean isClosed() {
        return closed;
    }
}
