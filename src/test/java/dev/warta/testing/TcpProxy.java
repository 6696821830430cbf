package dev.warta.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy of the test's own between one process and a server (a database), so that a test can take the network
 * away from that process alone: {@link #cut()} closes every connection through it and refuses new ones, as a
 * broken link or a firewall would, while other processes keep their direct way to the server.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:?]+):(\\d+)");

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "tcp-proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** A proxy to the host and port of a JDBC URL ({@code jdbc:postgresql://host:port/db…}). */
    public static TcpProxy toServerOf(String jdbcUrl) throws IOException {
        Matcher matcher = HOST_AND_PORT.matcher(jdbcUrl);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no host:port in " + jdbcUrl);
        }
        return new TcpProxy(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** The same JDBC URL, through this proxy. */
    public String route(String jdbcUrl) {
        return HOST_AND_PORT.matcher(jdbcUrl).replaceFirst(
                Matcher.quoteReplacement("//127.0.0.1:" + listener.getLocalPort()));
    }

    /** Closes every connection through the proxy and refuses new ones (nothing listens on its port any more). */
    public void cut() {
        cut = true;
        closeQuietly(listener);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    /**
     * Breaks every connection through the proxy but goes on accepting new ones: a database restarted, a failover or
     * a network blip, after which a fresh connection works again.
     */
    public void drop() {
        sockets.forEach(TcpProxy::closeQuietly);
    }

    @Override
    public void close() {
        cut();
    }

    private void accept() {
        while (!cut) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                if (cut) {
                    closeQuietly(client);
                    closeQuietly(server);
                    return;
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Copies bytes one way until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away, or the proxy was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return "proxy 127.0.0.1:" + listener.getLocalPort() + " -> " + targetHost + ":" + targetPort;
    }
}
