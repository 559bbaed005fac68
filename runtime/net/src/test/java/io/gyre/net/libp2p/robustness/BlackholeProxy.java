package io.gyre.net.libp2p.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay that can start swallowing every byte while keeping both sockets open: a half-open
 * connection, as when a NAT forgets a mapping or a cable is pulled.
 */
final class BlackholeProxy implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile boolean swallowing;

  BlackholeProxy(int targetPort) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    start(
        "proxy-accept",
        () -> {
          while (!server.isClosed()) {
            Socket client = server.accept();
            Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            sockets.add(client);
            sockets.add(target);
            start("proxy-up", () -> pump(client.getInputStream(), target.getOutputStream()));
            start("proxy-down", () -> pump(target.getInputStream(), client.getOutputStream()));
          }
        });
  }

  int port() {
    return server.getLocalPort();
  }

  void swallow() {
    swallowing = true;
  }

  private void pump(InputStream from, OutputStream to) throws IOException {
    byte[] buffer = new byte[16384];
    int n;
    while ((n = from.read(buffer)) >= 0) {
      if (!swallowing) {
        to.write(buffer, 0, n);
        to.flush();
      }
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  private void start(String name, Io work) {
    Thread thread =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (IOException e) {
                // a socket closed: this pump is done
              }
            },
            name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    for (Thread thread : threads) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
