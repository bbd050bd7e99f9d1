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
 * Reads block, as on a TCP socket without a timeout. A read timeout ({@link Socket#setSoTimeout}, which the driver
 * sets for {@code LISTEN}'s {@code getNotifications(ms)}, a connection's validation and {@code socketTimeout})
 * turns the channel non-blocking and waits with a selector, as the JDK's own sockets do; the next read without a
 * timeout turns it blocking again.
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

		/** Selectors for waiting while the channel is non-blocking; opened on the first timed read. */
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
			}
			catch (IOException ex) {
				opened.close();
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
				if (millis == 0) {
					blocking(open, true);
					return open.read(buffer);
				}
				blocking(open, false);
				long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
				while (true) {
					int n = open.read(buffer);
					if (n != 0) {
						return n;
					}
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						throw new SocketTimeoutException("Read timed out");
					}
					await(readable, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
				}
			}
		}

		private void write(ByteBuffer buffer) throws IOException {
			synchronized (writeLock) {
				SocketChannel open = open();
				while (buffer.hasRemaining()) {
					if (open.write(buffer) == 0) {
						// only when non-blocking (a timed read switched it) and the peer's buffer is full
						await(writable, 0);
					}
				}
			}
		}

		/**
		 * Sets the channel's mode. Holding the read lock; takes the write lock too, so no write is under way in the
		 * other mode. A channel registered with a selector must leave it before it can block again.
		 */
		private void blocking(SocketChannel open, boolean block) throws IOException {
			if (open.isBlocking() == block) {
				return;
			}
			synchronized (writeLock) {
				if (block) {
					deregister(open, readable);
					deregister(open, writable);
					open.configureBlocking(true);
				}
				else {
					open.configureBlocking(false);
					if (readable == null) {
						readable = Selector.open();
						writable = Selector.open();
					}
					open.register(readable, SelectionKey.OP_READ);
					open.register(writable, SelectionKey.OP_WRITE);
				}
			}
		}

		private static void deregister(SocketChannel open, Selector selector) throws IOException {
			SelectionKey key = selector == null ? null : open.keyFor(selector);
			if (key != null) {
				key.cancel();
				selector.selectNow(); // completes the cancellation
			}
		}

		private void await(Selector selector, long millis) throws IOException {
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
				// closed by another thread while this one waited
			}
			open();
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
				if (readable != null) {
					readable.close();
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
			catch (SocketException ex) {
				throw ex;
			}
			catch (IOException ex) {
				throw new SocketException(ex.getMessage());
			}
		}

		private int option(SocketOption<Integer> option) throws SocketException {
			try {
				return open().getOption(option);
			}
			catch (SocketException ex) {
				throw ex;
			}
			catch (IOException ex) {
				throw new SocketException(ex.getMessage());
			}
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
