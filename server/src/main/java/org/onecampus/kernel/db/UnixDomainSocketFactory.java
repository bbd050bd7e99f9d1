package org.onecampus.kernel.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

/**
 * A socket factory for the PostgreSQL JDBC driver that connects to PostgreSQL's Unix-domain socket instead of TCP,
 * with the JDK's own Unix-domain channels (no native library). The embedded database is on the same machine, so
 * the loopback TCP stack (segments, acknowledgements, the receiving side's softirq in the sender's time) is work
 * for nothing on every round trip, on both sides. The driver is given this class and the socket's path in the
 * URL: {@code socketFactory=org.onecampus.kernel.db.UnixDomainSocketFactory&socketFactoryArg=/dir/.s.PGSQL.5432};
 * the host and port it still parses are ignored.
 * <p>
 * The socket behaves as the JDK's TCP socket does for the driver: reads wait for data, with the read timeout
 * ({@link Socket#setSoTimeout}) the driver sets for {@code LISTEN}'s {@code getNotifications(ms)}, a connection's
 * validation and {@code socketTimeout}; and an interrupt of the thread neither fails nor closes it (a blocking
 * {@link SocketChannel} would close on one, breaking the connection of a thread that merely carries its interrupt
 * flag on, or is told to finish its work at shutdown). So the channel is non-blocking and waits with selectors,
 * the interrupt flag kept aside while it waits and restored afterwards.
 */
public final class UnixDomainSocketFactory extends SocketFactory {

	private final Path path;

	/**
	 * The driver's constructor: all the connection's properties.
	 * @param properties the connection properties, {@code socketFactoryArg} the socket's path
	 */
	public UnixDomainSocketFactory(Properties properties) {
		this(Objects.requireNonNull(properties.getProperty("socketFactoryArg"),
				"socketFactoryArg (the path of PostgreSQL's socket) is required"));
	}

	/** @param path the socket's path, such as {@code /tmp/.s.PGSQL.5432} */
	public UnixDomainSocketFactory(String path) {
		this.path = Path.of(path);
	}

	@Override
	public Socket createSocket() throws IOException {
		return new UnixDomainSocket(path);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected();
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected();
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected();
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected();
	}

	private Socket connected() throws IOException {
		Socket socket = createSocket();
		socket.connect(null);
		return socket;
	}

	/** A {@link Socket} over a Unix-domain {@link SocketChannel}, with the operations the driver uses. */
	static final class UnixDomainSocket extends Socket {

		private final UnixDomainSocketAddress address;

		private final Object readLock = new Object();

		private final Object writeLock = new Object();

		private volatile SocketChannel channel;

		private volatile int timeout;

		private volatile boolean closed;

		/** Where a read waits for data and a write for room; opened with the connection. */
		private Selector readable;

		private Selector writable;

		private final InputStream in = new InputStream() {
			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				int n = read(one, 0, 1);
				return n < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				Objects.checkFromIndexSize(offset, length, bytes.length);
				return length == 0 ? 0 : UnixDomainSocket.this.read(ByteBuffer.wrap(bytes, offset, length));
			}

			@Override
			public void close() throws IOException {
				UnixDomainSocket.this.close();
			}
		};

		private final OutputStream out = new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				Objects.checkFromIndexSize(offset, length, bytes.length);
				UnixDomainSocket.this.write(ByteBuffer.wrap(bytes, offset, length));
			}

			@Override
			public void close() throws IOException {
				UnixDomainSocket.this.close();
			}
		};

		UnixDomainSocket(Path path) throws SocketException {
			super((SocketImpl) null);
			this.address = UnixDomainSocketAddress.of(path);
		}

		/** Connects to the socket's path; the address the driver passes (its host and port) is ignored. */
		@Override
		public void connect(SocketAddress ignored) throws IOException {
			connect(ignored, 0);
		}

		@Override
		public void connect(SocketAddress ignored, int timeoutMillis) throws IOException {
			if (closed) {
				throw new SocketException("Socket is closed");
			}
			if (channel != null) {
				throw new SocketException("Already connected");
			}
			SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
			try {
				// connecting to a local socket does not wait for a peer: it succeeds or fails at once
				opened.connect(address);
				opened.configureBlocking(false);
				readable = Selector.open();
				writable = Selector.open();
				opened.register(readable, SelectionKey.OP_READ);
				opened.register(writable, SelectionKey.OP_WRITE);
			}
			catch (IOException ex) {
				opened.close();
				closeSelectors();
				var failed = new ConnectException("Could not connect to PostgreSQL's socket " + address.getPath() + ": "
						+ ex.getMessage());
				failed.initCause(ex);
				throw failed;
			}
			channel = opened;
		}

		@Override
		public void bind(SocketAddress local) throws IOException {
			if (local != null) {
				throw new SocketException("A Unix-domain client socket is not bound to a local address");
			}
		}

		private int read(ByteBuffer buffer) throws IOException {
			synchronized (readLock) {
				SocketChannel open = open();
				int millis = timeout;
				long deadline = millis == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
				boolean interrupted = false;
				try {
					while (true) {
						int n = open.read(buffer);
						if (n != 0) {
							return n;
						}
						long wait = 0;
						if (millis != 0) {
							long left = deadline - System.nanoTime();
							if (left <= 0) {
								throw new SocketTimeoutException("Read timed out");
							}
							wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
						}
						interrupted |= await(readable, wait);
					}
				}
				finally {
					if (interrupted) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}

		private void write(ByteBuffer buffer) throws IOException {
			synchronized (writeLock) {
				SocketChannel open = open();
				boolean interrupted = false;
				try {
					while (buffer.hasRemaining()) {
						if (open.write(buffer) == 0) {
							interrupted |= await(writable, 0);
						}
					}
				}
				finally {
					if (interrupted) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}

		/**
		 * Waits until the selector's one key is ready, the time is up (0: no limit) or the thread is interrupted.
		 * @return whether the thread's interrupt flag was set (it is cleared, for the caller to restore at the end)
		 */
		private boolean await(Selector selector, long millis) throws IOException {
			boolean interrupted = Thread.interrupted();
			try {
				if (millis == 0) {
					selector.select();
				}
				else {
					selector.select(millis);
				}
				selector.selectedKeys().clear();
			}
			catch (ClosedSelectorException ex) {
				// closed by another thread while this one waited: open() below says so
			}
			open();
			return interrupted | Thread.interrupted();
		}

		private SocketChannel open() throws SocketException {
			SocketChannel open = channel;
			if (closed || open == null) {
				throw new SocketException(closed ? "Socket is closed" : "Socket is not connected");
			}
			return open;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			open();
			return in;
		}

		@Override
		public OutputStream getOutputStream() throws IOException {
			open();
			return out;
		}

		@Override
		public synchronized void close() throws IOException {
			if (closed) {
				return;
			}
			closed = true;
			try {
				if (channel != null) {
					channel.close();
				}
			}
			finally {
				closeSelectors();
			}
		}

		private void closeSelectors() throws IOException {
			try {
				if (readable != null) {
					readable.close();
				}
			}
			finally {
				if (writable != null) {
					writable.close();
				}
			}
		}

		@Override
		public boolean isClosed() {
			return closed;
		}

		@Override
		public boolean isConnected() {
			return channel != null;
		}

		@Override
		public boolean isBound() {
			return channel != null;
		}

		@Override
		public void setSoTimeout(int millis) throws SocketException {
			if (millis < 0) {
				throw new IllegalArgumentException("timeout < 0");
			}
			timeout = millis;
		}

		@Override
		public int getSoTimeout() {
			return timeout;
		}

		/** Nothing to delay on a Unix-domain socket: the driver's request for no delay holds already. */
		@Override
		public void setTcpNoDelay(boolean on) {
		}

		@Override
		public boolean getTcpNoDelay() {
			return true;
		}

		/** No keep-alive probes on a Unix-domain socket: a peer that goes away closes it. */
		@Override
		public void setKeepAlive(boolean on) {
		}

		@Override
		public boolean getKeepAlive() {
			return false;
		}

		@Override
		public void setSendBufferSize(int size) throws SocketException {
			option(StandardSocketOptions.SO_SNDBUF, size);
		}

		@Override
		public int getSendBufferSize() throws SocketException {
			return option(StandardSocketOptions.SO_SNDBUF);
		}

		@Override
		public void setReceiveBufferSize(int size) throws SocketException {
			option(StandardSocketOptions.SO_RCVBUF, size);
		}

		@Override
		public int getReceiveBufferSize() throws SocketException {
			return option(StandardSocketOptions.SO_RCVBUF);
		}

		private void option(SocketOption<Integer> option, int value) throws SocketException {
			if (value <= 0) {
				throw new IllegalArgumentException("buffer size must be positive");
			}
			try {
				open().setOption(option, value);
			}
			catch (IOException ex) {
				throw socketException(ex);
			}
		}

		private int option(SocketOption<Integer> option) throws SocketException {
			try {
				return open().getOption(option);
			}
			catch (IOException ex) {
				throw socketException(ex);
			}
		}

		/** The socket's methods for options may only throw {@link SocketException}. */
		private static SocketException socketException(IOException ex) {
			return ex instanceof SocketException socket ? socket : new SocketException(ex.getMessage());
		}

		@Override
		public void shutdownInput() throws IOException {
			open().shutdownInput();
		}

		@Override
		public void shutdownOutput() throws IOException {
			open().shutdownOutput();
		}

		@Override
		public SocketAddress getRemoteSocketAddress() {
			return channel == null ? null : address;
		}

		@Override
		public String toString() {
			return "UnixDomainSocket[" + address.getPath() + (closed ? ", closed" : "") + "]";
		}
	}
}
