import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP server (GreenMail) for the messaging fan-out benchmark, plus a tiny HTTP endpoint
 * that tells how many e-mails arrived and how many distinct Message-IDs they carry. OneCampus
 * derives the Message-ID from the delivery id, so "messages - distinct" counts e-mails that were
 * sent twice.
 *
 *   java -cp <greenmail classpath> bench/messaging/GreenMailCounter.java SMTP_PORT HTTP_PORT
 *
 * Both listen on 127.0.0.1 only. GET /count answers {"messages":n,"distinct":d}.
 */
public class GreenMailCounter {

	public static void main(String[] args) throws IOException {
		int smtpPort = Integer.parseInt(args[0]);
		int httpPort = Integer.parseInt(args[1]);
		GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
		http.createContext("/count", exchange -> {
			MimeMessage[] received = mail.getReceivedMessages();
			Set<String> ids = new HashSet<>();
			for (MimeMessage message : received) {
				try {
					ids.add(message.getMessageID());
				}
				catch (jakarta.mail.MessagingException ex) {
					ids.add("unreadable-" + ids.size());
				}
			}
			byte[] body = ("{\"messages\":" + received.length + ",\"distinct\":" + ids.size() + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		http.start();
		System.out.println("GreenMail SMTP on 127.0.0.1:" + smtpPort + ", counts on http://127.0.0.1:" + httpPort + "/count");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			http.stop(0);
			mail.stop();
		}));
	}
}
