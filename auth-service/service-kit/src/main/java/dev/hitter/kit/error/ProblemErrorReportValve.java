package dev.hitter.kit.error;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report, for what it refuses before Spring sees the request (a path that is not valid UTF-8, a
 * request line it cannot parse): the shared problem+json instead of Tomcat's HTML page, with no server name or
 * version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// The same guards as Tomcat's: only an error answer nobody has written yet, on a connection still usable.
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			OutputStream out = response.getOutputStream();
			ErrorProblems.write(ErrorProblems.forStatus(status, request.getRequestURI()), out);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Could not write the error report for status {}", status, ex);
		}
	}
}
