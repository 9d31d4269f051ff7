package dev.hitter.auth.mail;

import org.springframework.stereotype.Component;

/**
 * The text of every mail auth-service sends, Korean first and English below it: a mail cannot know the language
 * of the browser that will open it. Links come from {@link MailProperties#link}; nothing a stranger typed is
 * echoed except the display name the member chose for themselves.
 */
@Component
public class MailMessages {

	/** Pages of the web app the links open (frontend/src/auth and frontend/src/account/email). */
	public static final String VERIFY_PAGE = "/verify-email";

	public static final String RESET_PAGE = "/reset-password";

	public static final String EMAIL_CHANGE_PAGE = "/confirm-email-change";

	private static final String SIGN_OFF = "\n\n— HITTER";

	private final MailProperties properties;

	MailMessages(MailProperties properties) {
		this.properties = properties;
	}

	public OutgoingMail verification(String to, String token) {
		String link = properties.link(VERIFY_PAGE, token);
		return new OutgoingMail(to, "[HITTER] 이메일 주소를 확인해 주세요 / Verify your e-mail address", """
				HITTER에 가입해 주셔서 감사합니다. 아래 링크를 열어 이메일 주소를 확인해 주세요.
				확인 전에도 로그인하고 곡을 분석할 수 있지만, 공개·게시·댓글은 확인 후에 할 수 있습니다.

				%s

				이 링크는 %s 동안 한 번만 쓸 수 있습니다. 가입한 적이 없다면 이 메일을 무시하세요.

				Thank you for joining HITTER. Open the link above to verify your e-mail address.
				You can sign in and analyse tracks before that; publishing, posting and commenting need a
				verified address. The link works once, for %s. If you did not sign up, ignore this mail.""".formatted(
				link, hours(properties.verificationLinkTtl()), hours(properties.verificationLinkTtl())) + SIGN_OFF);
	}

	public OutgoingMail signUpAttempt(String to) {
		String forgot = properties.publicUrl().toString().replaceAll("/+$", "") + "/forgot-password";
		return new OutgoingMail(to, "[HITTER] 이미 가입된 주소입니다 / This address already has an account", """
				누군가 이 주소로 HITTER에 가입하려고 했습니다. 이 주소에는 이미 계정이 있어 새 계정은 만들어지지 않았습니다.
				본인이라면 로그인하세요. 비밀번호가 기억나지 않으면 여기서 재설정할 수 있습니다: %s
				본인이 아니라면 아무것도 하지 않아도 됩니다.

				Someone tried to sign up to HITTER with this address. It already has an account, so no new one
				was made. If it was you, sign in; if you forgot your password, reset it at the link above.
				If it was not you, there is nothing to do.""".formatted(forgot) + SIGN_OFF);
	}

	public OutgoingMail passwordReset(String to, String token) {
		String link = properties.link(RESET_PAGE, token);
		return new OutgoingMail(to, "[HITTER] 비밀번호 재설정 / Reset your password", """
				비밀번호 재설정을 요청하셨습니다. 아래 링크에서 새 비밀번호를 정하세요. 모든 기기에서 로그아웃됩니다.

				%s

				이 링크는 %s 동안 한 번만 쓸 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 그대로입니다.

				Someone (hopefully you) asked to reset your HITTER password. Choose a new one at the link above;
				every device will be signed out. The link works once, for %s. If you did not ask, ignore this
				mail: your password stays as it is.""".formatted(link, minutes(properties.passwordResetLinkTtl()),
				minutes(properties.passwordResetLinkTtl())) + SIGN_OFF);
	}

	public OutgoingMail passwordWasReset(String to) {
		return new OutgoingMail(to, "[HITTER] 비밀번호가 바뀌었습니다 / Your password was changed", """
				방금 재설정 링크로 HITTER 비밀번호가 바뀌었고 모든 기기에서 로그아웃되었습니다.
				본인이 아니라면 바로 비밀번호를 다시 재설정하세요.

				Your HITTER password was just changed through a reset link, and every device was signed out.
				If this was not you, reset your password again at once.""" + SIGN_OFF);
	}

	public OutgoingMail emailChange(String to, String token) {
		String link = properties.link(EMAIL_CHANGE_PAGE, token);
		return new OutgoingMail(to, "[HITTER] 새 이메일 주소를 확인해 주세요 / Confirm your new e-mail address", """
				HITTER 계정의 이메일을 이 주소로 바꾸려면 로그인한 상태에서 아래 링크를 여세요.

				%s

				이 링크는 %s 동안 한 번만 쓸 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요.

				To move your HITTER account to this address, open the link above while signed in. It works
				once, for %s. If you did not ask for this, ignore this mail.""".formatted(link,
				hours(properties.emailChangeLinkTtl()), hours(properties.emailChangeLinkTtl())) + SIGN_OFF);
	}

	public OutgoingMail emailChangeRequested(String to, String newAddress) {
		return new OutgoingMail(to, "[HITTER] 이메일 변경 요청 / E-mail change requested", """
				HITTER 계정의 이메일을 %s(으)로 바꾸는 요청이 있었습니다. 새 주소에서 확인해야 바뀝니다.
				본인이 아니라면 비밀번호를 바꾸세요.

				Someone signed in to your HITTER account asked to move it to %s. Nothing changes until the link
				sent there is opened. If this was not you, change your password.""".formatted(mask(newAddress),
				mask(newAddress)) + SIGN_OFF);
	}

	public OutgoingMail emailChangeAttempt(String to) {
		return new OutgoingMail(to, "[HITTER] 이미 가입된 주소입니다 / This address already has an account", """
				누군가 다른 HITTER 계정의 이메일을 이 주소로 바꾸려고 했습니다. 이 주소에는 이미 계정이 있어 아무것도 바뀌지 않았습니다.

				Someone tried to move another HITTER account to this address. It already has an account, so
				nothing changed. There is nothing to do.""" + SIGN_OFF);
	}

	/** {@code m***@example.com}: enough for the owner to recognise, little for whoever reads over a shoulder. */
	static String mask(String address) {
		int at = address.indexOf('@');
		if (at <= 0) {
			return "***";
		}
		return address.charAt(0) + "***" + address.substring(at);
	}

	private static String hours(java.time.Duration ttl) {
		long hours = ttl.toHours();
		return hours >= 1 ? hours + "h" : ttl.toMinutes() + "min";
	}

	private static String minutes(java.time.Duration ttl) {
		return ttl.toMinutes() + "min";
	}
}
