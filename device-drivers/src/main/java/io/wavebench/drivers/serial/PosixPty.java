package io.wavebench.drivers.serial;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The few POSIX calls a {@link VirtualSerialPair} needs, through JNA: {@code openpty}, raw mode
 * ({@code cfmakeraw}), {@code poll}, non-blocking {@code read}/{@code write}, and a self-pipe to
 * wake the relay. Linux only (the constants below are Linux's on x86-64 and ARM). Kept apart so
 * the pair reads as a cable, not as a list of syscalls.
 */
final class PosixPty {

    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final short POLLNVAL = 0x20;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int EIO = 5;

    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 04000;
    private static final int TCSANOW = 0;
    /** glibc's struct termios is 60 bytes; room to spare because we only pass it through. */
    private static final int TERMIOS_BYTES = 128;

    private interface LibC extends Library {
        int tcgetattr(int fd, Pointer termios) throws LastErrorException;

        int tcsetattr(int fd, int optionalActions, Pointer termios) throws LastErrorException;

        void cfmakeraw(Pointer termios);

        int poll(Pointer fds, NativeLong nfds, int timeoutMillis) throws LastErrorException;

        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int pipe(int[] fds) throws LastErrorException;

        int fcntl(int fd, int cmd, int arg) throws LastErrorException;

        int ptsname_r(int fd, byte[] buffer, NativeLong length);
    }

    private interface Util extends Library {
        int openpty(IntByReference master, IntByReference slave, Pointer name, Pointer termios, Pointer winsize)
                throws LastErrorException;
    }

    private static final LibC LIBC = Native.load("c", LibC.class);
    private static final Util UTIL = Native.load(openptyLibrary(), Util.class);

    private PosixPty() {}

    /** glibc 2.34 moved openpty into libc; older systems have it only in libutil. */
    private static String openptyLibrary() {
        try {
            NativeLibrary.getInstance("c").getFunction("openpty");
            return "c";
        } catch (UnsatisfiedLinkError notInLibc) {
            return "util";
        }
    }

    /** A pty: master fd, slave fd, and the slave's path (/dev/pts/N). */
    record Pty(int master, int slave, String slavePath) {}

    /** Opens a pty whose slave is in raw mode, so every byte 0x00..0xFF passes unchanged. */
    static Pty openRaw() {
        IntByReference master = new IntByReference();
        IntByReference slave = new IntByReference();
        UTIL.openpty(master, slave, null, null, null);
        try {
            Memory termios = new Memory(TERMIOS_BYTES);
            termios.clear();
            LIBC.tcgetattr(slave.getValue(), termios);
            LIBC.cfmakeraw(termios);
            LIBC.tcsetattr(slave.getValue(), TCSANOW, termios);
            setNonBlocking(master.getValue());
            return new Pty(master.getValue(), slave.getValue(), slavePath(master.getValue()));
        } catch (RuntimeException e) {
            closeQuietly(master.getValue());
            closeQuietly(slave.getValue());
            throw e;
        }
    }

    private static String slavePath(int master) {
        byte[] name = new byte[128];
        int rc = LIBC.ptsname_r(master, name, new NativeLong(name.length));
        if (rc != 0) throw new LastErrorException(rc);
        return Native.toString(name);
    }

    static void setNonBlocking(int fd) {
        int flags = LIBC.fcntl(fd, F_GETFL, 0);
        LIBC.fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    }

    /** @return {read end, write end} of a new pipe */
    static int[] pipe() {
        int[] fds = new int[2];
        LIBC.pipe(fds);
        return fds;
    }

    /** poll(2) over a struct pollfd array laid out by {@link PollSet}; EINTR counts as "nothing ready". */
    static int poll(PollSet set, int timeoutMillis) {
        try {
            return LIBC.poll(set.memory, new NativeLong(set.size), timeoutMillis);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) return 0;
            throw e;
        }
    }

    /** @return bytes read, 0 at end of file, or -errno (EAGAIN, EIO) so callers can decide without exceptions */
    static int read(int fd, Pointer buffer, int count) {
        try {
            return LIBC.read(fd, buffer, new NativeLong(count)).intValue();
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    /** @return bytes written, or -errno (EAGAIN when the peer's queue is full) */
    static int write(int fd, Pointer buffer, int count) {
        try {
            return LIBC.write(fd, buffer, new NativeLong(count)).intValue();
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    static void closeQuietly(int fd) {
        if (fd < 0) return;
        try {
            LIBC.close(fd);
        } catch (LastErrorException ignored) {
            // closing is best effort: the fd is gone either way
        }
    }

    /** A struct pollfd[] in native memory: {int fd; short events; short revents;} per entry. */
    static final class PollSet {
        private static final int ENTRY = 8;
        private final Memory memory;
        private final int size;

        PollSet(int size) {
            this.size = size;
            this.memory = new Memory((long) ENTRY * size);
            memory.clear();
        }

        /** A negative fd makes poll skip the entry (used for a hung-up end). */
        void set(int index, int fd, short events) {
            memory.setInt((long) index * ENTRY, fd);
            memory.setShort((long) index * ENTRY + 4, events);
            memory.setShort((long) index * ENTRY + 6, (short) 0);
        }

        short revents(int index) {
            return memory.getShort((long) index * ENTRY + 6);
        }
    }
}
