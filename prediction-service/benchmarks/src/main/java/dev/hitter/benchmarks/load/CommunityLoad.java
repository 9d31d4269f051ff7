package dev.hitter.benchmarks.load;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.hitter.benchmarks.load.GatewaySession.Answer;

/**
 * The community workload of the load benchmark ({@code ./hitter bench community}): seeds a board through the API
 * (posts in Korean and English of varied length in every category, comments with replies, likes), then gives the two
 * operations measured — listing and reading posts — and deletes the seeded posts at the end.
 */
final class CommunityLoad {

	static final String POSTS = "/api/v1/community/posts";

	static final List<String> CATEGORIES = List.of("FEEDBACK", "INDUSTRY_NEWS", "QA", "FREE_TALK");

	/** Writers in parallel while seeding: enough to keep both cores busy, few enough not to make seeding a benchmark. */
	private static final int SEED_THREADS = 4;

	private static final int SEED_ATTEMPTS = 5;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] KOREAN = { "이번 곡 후렴이 너무 일찍 나오는 것 같아요.", "히트곡을 만들려면 첫 15초가 중요하다고 하죠.",
			"사랑 노래는 여전히 차트에서 강합니다.", "브릿지에서 키를 올리는 게 좋을까요?", "믹싱 후에 보컬이 묻히는 느낌이에요.",
			"요즘 발라드는 템포가 조금 빨라졌어요.", "가사에 영어를 섞으면 반응이 어떨까요?", "데모를 분석해 보니 댄스 점수가 높게 나왔어요.",
			"스트리밍 플랫폼의 알고리즘이 바뀌었다는 소식입니다.", "이 코드 진행은 너무 흔한가요?", "꿈을 노래하는 가사가 좋네요.",
			"피드백 부탁드립니다. 솔직하게 말씀해 주세요." };

	private static final String[] ENGLISH = { "The chorus lands at 0:45, is that too late for radio?",
			"Label meetings this week were all about short-form video hooks.",
			"Mixing the vocals a little drier made the hook much clearer.",
			"Has anyone compared the audio score before and after mastering?",
			"Industry news: two distributors announced new royalty splits.",
			"The bridge modulates up a whole step and the energy jumps.",
			"I keep hearing that ballads need a stronger second verse.",
			"Our demo scored high on danceability but low on lyrics.",
			"What tempo range do you target for summer releases?",
			"Thanks for the feedback, I rewrote the pre-chorus twice." };

	private final List<GatewaySession> members;

	/** Every post the benchmark may read: the seeded ones, or what the list showed when none were seeded. */
	private final List<String> postIds = new ArrayList<>();

	/** Keyset cursors of the newest list's pages after the first, to ask for deeper pages. */
	private final List<String> deepCursors = new ArrayList<>();

	private final List<Seeded> seeded = Collections.synchronizedList(new ArrayList<>());

	private int comments;

	private int likes;

	CommunityLoad(List<GatewaySession> members) {
		this.members = List.copyOf(members);
	}

	private record Seeded(GatewaySession author, String id) {
	}

	/**
	 * Writes {@code posts} posts through the API from every member in turn, a third of them with one to four comments
	 * (some replies), and likes from up to half the members each; then walks the newest list to the end to learn the
	 * posts and the deep pages' cursors.
	 */
	void seed(int posts) throws IOException, InterruptedException {
		AtomicInteger commentCount = new AtomicInteger();
		AtomicInteger likeCount = new AtomicInteger();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		ExecutorService writers = Executors.newFixedThreadPool(SEED_THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < posts; i++) {
				int number = i;
				done.add(writers.submit(() -> {
					try {
						seedOne(number, commentCount, likeCount);
					}
					catch (IOException | RuntimeException ex) {
						failures.add(ex.toString());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
			}
			for (Future<?> future : done) {
				try {
					future.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					failures.add(ex.getCause().toString());
				}
			}
		}
		finally {
			writers.shutdownNow();
		}
		if (!failures.isEmpty()) {
			throw new IOException(failures.size() + " seeding requests failed, the first: " + failures.peek());
		}
		comments = commentCount.get();
		likes = likeCount.get();
		learnPostsAndCursors();
	}

	private void seedOne(int number, AtomicInteger commentCount, AtomicInteger likeCount)
			throws IOException, InterruptedException {
		Random random = new Random(number);
		GatewaySession author = members.get(number % members.size());
		ObjectNode post = JSON.createObjectNode()
			.put("title", title(random, number))
			.put("body", body(random))
			.put("category", CATEGORIES.get(random.nextInt(CATEGORIES.size())));
		Answer created = write(author, "POST", POSTS, JSON.writeValueAsString(post), 201);
		String id = JSON.readTree(created.body()).path("id").asString();
		seeded.add(new Seeded(author, id));
		if (number % 3 == 0) {
			String topComment = null;
			for (int c = 0, n = 1 + random.nextInt(4); c < n; c++) {
				ObjectNode comment = JSON.createObjectNode().put("body", sentence(random));
				if (topComment != null && random.nextBoolean()) {
					comment.put("parentId", topComment);
				}
				GatewaySession writer = members.get(random.nextInt(members.size()));
				Answer answer = write(writer, "POST", POSTS + "/" + id + "/comments", JSON.writeValueAsString(comment),
						201);
				if (topComment == null) {
					topComment = JSON.readTree(answer.body()).path("id").asString();
				}
				commentCount.incrementAndGet();
			}
		}
		for (int l = 0, n = random.nextInt(Math.max(1, members.size() / 2) + 1); l < n; l++) {
			write(members.get((number + 1 + l) % members.size()), "PUT", POSTS + "/" + id + "/like", null, 204);
			likeCount.incrementAndGet();
		}
	}

	/**
	 * One seeding write, tried again (up to {@value #SEED_ATTEMPTS} times, a second apart) when it is answered 503 or
	 * 429 or the connection fails, as a member's app would: seeding is not what is measured, and under a busy machine
	 * the gateway's pooled connection to the service is now and then closed under a request (a 503 from its fallback).
	 * A post written twice by such a retry would stay on the board; it is harmless to the figures.
	 */
	private static Answer write(GatewaySession session, String method, String path, String json, int expected)
			throws IOException, InterruptedException {
		for (int attempt = 1;; attempt++) {
			Answer answer;
			try {
				answer = session.send(method, path, json);
			}
			catch (IOException ex) {
				if (attempt >= SEED_ATTEMPTS) {
					throw ex;
				}
				Thread.sleep(1000);
				continue;
			}
			if (answer.status() == expected) {
				return answer;
			}
			if ((answer.status() != 503 && answer.status() != 429) || attempt >= SEED_ATTEMPTS) {
				throw new IOException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
			}
			Thread.sleep(1000);
		}
	}

	/** Walks the newest list page by page (at most 500 pages): the posts to read and the deep pages' cursors. */
	private void learnPostsAndCursors() throws IOException, InterruptedException {
		GatewaySession reader = members.get(0);
		String cursor = null;
		for (int page = 0; page < 500; page++) {
			Answer answer = reader.get(reader.accessToken(), POSTS + "?size=20"
					+ (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
			if (answer.status() != 200) {
				throw new IOException("GET " + POSTS + " answered " + answer.status() + ": " + answer.body());
			}
			JsonNode list = JSON.readTree(answer.body());
			list.path("items").forEach(item -> postIds.add(item.path("id").asString()));
			JsonNode next = list.path("nextCursor");
			if (next.isNull() || next.isMissingNode()) {
				break;
			}
			cursor = next.asString();
			deepCursors.add(cursor);
		}
		if (postIds.isEmpty()) {
			throw new IOException("the community has no posts to read; seed some with --posts");
		}
	}

	/**
	 * The list as members use it: 55 % the first page, newest first; 15 % the first page of one category; 10 % the
	 * first page by likes or by comments; 20 % a deeper page of the newest list (a random page after the first,
	 * through its keyset cursor).
	 */
	LoadLevel.Operation list() {
		return json((session, token) -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int pick = random.nextInt(100);
			String query;
			if (pick < 55 || (pick >= 80 && deepCursors.isEmpty())) {
				query = "?size=20";
			}
			else if (pick < 70) {
				query = "?size=20&category=" + CATEGORIES.get(random.nextInt(CATEGORIES.size()));
			}
			else if (pick < 80) {
				query = "?size=20&sort=" + (random.nextBoolean() ? "likes" : "comments");
			}
			else {
				query = "?size=20&cursor="
						+ URLEncoder.encode(deepCursors.get(random.nextInt(deepCursors.size())), StandardCharsets.UTF_8);
			}
			return session.get(token, POSTS + query);
		});
	}

	/** A post page: {@code GET /posts/{id}} of a post picked at random, each read counting a view. */
	LoadLevel.Operation read() {
		return json((session, token) -> session.get(token,
				POSTS + "/" + postIds.get(ThreadLocalRandom.current().nextInt(postIds.size()))));
	}

	/** Each author deletes the posts it seeded (their comments and likes go with them); answers how many went. */
	int deleteSeeded() throws InterruptedException {
		AtomicInteger deleted = new AtomicInteger();
		ExecutorService deleters = Executors.newFixedThreadPool(SEED_THREADS);
		try {
			for (Seeded post : List.copyOf(seeded)) {
				deleters.submit(() -> {
					try {
						Answer answer = write(post.author(), "DELETE", POSTS + "/" + post.id(), null, 204);
						if (answer.status() == 204) {
							deleted.incrementAndGet();
						}
					}
					catch (IOException ex) {
						// Counted as not deleted; the report says how many stayed.
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
			}
		}
		finally {
			deleters.shutdown();
			deleters.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
		}
		return deleted.get();
	}

	int seededPosts() {
		return seeded.size();
	}

	int seededComments() {
		return comments;
	}

	int seededLikes() {
		return likes;
	}

	int readablePosts() {
		return postIds.size();
	}

	int deepPages() {
		return deepCursors.size();
	}

	private interface Request {
		Answer send(GatewaySession session, String token) throws IOException, InterruptedException;
	}

	private static LoadLevel.Operation json(Request request) {
		return new LoadLevel.Operation() {
			@Override
			public Answer send(GatewaySession session, String token) throws IOException, InterruptedException {
				return request.send(session, token);
			}

			@Override
			public int success() {
				return 200;
			}
		};
	}

	static String title(Random random, int number) {
		String text = random.nextBoolean() ? KOREAN[random.nextInt(KOREAN.length)] : ENGLISH[random.nextInt(ENGLISH.length)];
		String title = String.format(Locale.ROOT, "%s #%d", text, number);
		return title.length() <= 200 ? title : title.substring(0, 200);
	}

	/**
	 * A body of 1 to 40 sentences (about 40 to 2,500 characters) in Korean, English or both, in paragraphs, with now
	 * and then a list or emphasis as members write them.
	 */
	static String body(Random random) {
		StringBuilder body = new StringBuilder();
		int sentences = 1 + (int) Math.min(39, Math.abs(random.nextGaussian()) * 12);
		int language = random.nextInt(3);
		for (int s = 0; s < sentences; s++) {
			if (s > 0) {
				body.append(s % 4 == 0 ? "\n\n" : " ");
			}
			if (s % 7 == 3) {
				body.append("- ");
			}
			String sentence = language == 0 ? KOREAN[random.nextInt(KOREAN.length)]
					: language == 1 ? ENGLISH[random.nextInt(ENGLISH.length)] : sentence(random);
			body.append(s == 0 && random.nextInt(5) == 0 ? "**" + sentence + "**" : sentence);
		}
		return body.toString();
	}

	private static String sentence(Random random) {
		return random.nextBoolean() ? KOREAN[random.nextInt(KOREAN.length)] : ENGLISH[random.nextInt(ENGLISH.length)];
	}
}
