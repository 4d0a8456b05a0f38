package hermes.plugin.provider.openai.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;

/**
 * Sockets that send at once (TCP_NODELAY). OkHttp writes a request's headers and body separately; with Nagle's
 * algorithm on, the body waits for the server's delayed ACK (about 40 ms on Linux) on every model call. (The other
 * provider bundle has the same small class: bundles share no private code.)
 */
final class NoDelaySockets extends SocketFactory {

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return noDelay(new Socket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
        return noDelay(new Socket(address, port, local, localPort));
    }
}
