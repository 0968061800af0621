import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Exits 0 once the broker answers a metadata request (describeCluster + listTopics), 1 otherwise. */
public class Health {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "127.0.0.1:9092");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    try (Admin admin = Admin.create(props)) {
      String clusterId = admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
      int nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
      admin.listTopics().names().get(5, TimeUnit.SECONDS);
      System.out.println("kafka cluster " + clusterId + " answered metadata (" + nodes + " node)");
    } catch (Exception e) {
      System.err.println("kafka not answering: " + e.getMessage());
      System.exit(1);
    }
  }
}
