// SCRAM users of the broker through the Java admin client (KIP-554 AlterUserScramCredentials; kafkajs has no such
// call). Run by `claimflow kafka-credentials` in Java's single-file source mode with the broker's jars on the class
// path: java -cp "$KAFKA_LIBS/*" ScramUsers.java upsert|delete|list [USER]
// The admin client's settings (and, for upsert, the new password as claimflow.password) come as Java properties on
// standard input, so no secret is ever on a command line or on disk.
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

public class ScramUsers {
  /** RFC 7677 asks for at least 4096; 8192 is what Kafka's own tools default to. */
  private static final int ITERATIONS = 8192;

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.load(System.in);
    String password = (String) props.remove("claimflow.password");
    String command = args.length > 0 ? args[0] : "";
    try (Admin admin = Admin.create(props)) {
      switch (command) {
        case "upsert" -> {
          if (password == null || args.length != 2) throw new IllegalArgumentException("upsert USER, password on stdin");
          var info = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS);
          admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(args[1], info, password)))
              .all().get(30, TimeUnit.SECONDS);
        }
        case "delete" -> {
          if (args.length != 2) throw new IllegalArgumentException("delete USER");
          admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(args[1], ScramMechanism.SCRAM_SHA_512)))
              .all().get(30, TimeUnit.SECONDS);
        }
        case "list" -> {
          for (String user : admin.describeUserScramCredentials().users().get(30, TimeUnit.SECONDS)) System.out.println(user);
        }
        default -> throw new IllegalArgumentException("usage: upsert USER | delete USER | list");
      }
    }
  }
}
