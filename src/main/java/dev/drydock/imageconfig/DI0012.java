package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code EXPOSE}d ports of remote-login, remote-desktop and unauthenticated-by-default services (ssh, telnet, RDP,
 * VNC, the Docker API) and of databases and caches, which should not be reachable from outside the container's
 * network. Ports are the services' IANA / upstream defaults.
 */
final class DI0012 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0012", Severity.MEDIUM, CheckInfo.IMAGE_CONFIG,
            "Sensitive port exposed",
            "EXPOSE documents the ports a container listens on, and `docker run -P` publishes every one of them on the "
                    + "host. Remote-login services (ssh, telnet, RDP, VNC) do not belong in a container, and databases "
                    + "and caches (Redis, memcached, Elasticsearch, MongoDB) have a history of running without "
                    + "authentication when reachable.",
            "Remove the EXPOSE of remote-login services and the services themselves (`docker exec` replaces them). For "
                    + "a database image, publish the port only on an internal network (`-p 127.0.0.1:5432:5432`, a "
                    + "Kubernetes ClusterIP service) and require authentication and TLS.",
            List.of());

    /** Port → service. */
    static final Map<Integer, String> PORTS = new TreeMap<>(Map.ofEntries(
            Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "telnet"), Map.entry(69, "TFTP"),
            Map.entry(111, "rpcbind"), Map.entry(135, "MS RPC"), Map.entry(139, "NetBIOS"), Map.entry(445, "SMB"),
            Map.entry(512, "rexec"), Map.entry(513, "rlogin"), Map.entry(514, "rsh"), Map.entry(1433, "SQL Server"),
            Map.entry(1521, "Oracle Database"), Map.entry(2049, "NFS"), Map.entry(2375, "Docker API (no TLS)"),
            Map.entry(2376, "Docker API"), Map.entry(2379, "etcd"), Map.entry(3306, "MySQL/MariaDB"),
            Map.entry(3389, "RDP"), Map.entry(5432, "PostgreSQL"), Map.entry(5900, "VNC"), Map.entry(5984, "CouchDB"),
            Map.entry(6379, "Redis"), Map.entry(7000, "Cassandra"), Map.entry(8086, "InfluxDB"),
            Map.entry(9042, "Cassandra"), Map.entry(9200, "Elasticsearch"), Map.entry(9300, "Elasticsearch transport"),
            Map.entry(11211, "memcached"), Map.entry(27017, "MongoDB"), Map.entry(27018, "MongoDB"),
            Map.entry(28017, "MongoDB HTTP")));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        for (String spec : new java.util.TreeSet<>(in.config().exposedPorts().keySet())) {
            String number = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
            Integer port;
            try {
                port = Integer.valueOf(number.strip());
            } catch (NumberFormatException e) {
                continue; // a malformed key is not this check's business
            }
            String service = PORTS.get(port);
            if (service != null) {
                out.add(INFO.finding("Sensitive port " + spec + " (" + service + ") is exposed",
                        "The image exposes " + spec + ", the " + service + " port.",
                        Finding.Location.config("ExposedPorts[" + spec + "]")));
            }
        }
        return out;
    }
}
