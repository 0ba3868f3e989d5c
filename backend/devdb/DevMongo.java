// Development database launcher: a MongoDB wire-protocol server (mongo-java-server) for tests,
// demos and development. Production runs on a MongoDB replica set, never on this.
//
//   java -cp '<jars>/*' DevMongo.java <port|0> [h2-file]
//
// Memory backend without a file, H2 (survives restarts) with one. Prints "READY <port>" once bound,
// and shuts down cleanly when its standard input closes (so it never outlives the process that
// started it) or on SIGTERM.
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;

public class DevMongo {
    // The built-in MONGO_5_0 reports wire version 8; the mongodb 7 driver needs at least 9.
    static final MongoVersion MONGO_6_0 = new MongoVersion() {
        public List<Integer> getVersionArray() { return List.of(6, 0, 0); }
        public int getWireVersion() { return 17; }
    };

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String h2File = args.length > 1 ? args[1] : null;
        MongoBackend backend = h2File == null ? new MemoryBackend() : new H2Backend(h2File);
        backend.version(MONGO_6_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, backend)));
        System.out.println("READY " + address.getPort() + " " + (h2File == null ? "memory" : "h2"));
        System.out.flush();
        while (System.in.read() != -1) { /* wait for the parent to go away */ }
        System.exit(0);
    }

    static void stop(MongoServer server, MongoBackend backend) {
        server.shutdownNow();
        if (backend instanceof H2Backend h2) h2.commit();
        backend.close();
    }
}
