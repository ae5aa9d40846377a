package app.almanac.practice;

/**
 * Who is practising: a signed-in user, or an anonymous visitor known by a cookie (its hash is
 * kept), whose attempts become the user's when they sign in.
 */
record Learner(Long userId, String visitor) {

    static Learner user(long id) {
        return new Learner(id, null);
    }

    static Learner visitor(String hash) {
        return new Learner(null, hash);
    }

    boolean owns(Attempt a) {
        return userId != null ? userId.equals(a.userId()) : visitor != null && visitor.equals(a.visitor());
    }

    boolean signedIn() {
        return userId != null;
    }
}
