package io.quanyu.recommender.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/** An immutable user×item implicit-feedback matrix: id dictionaries both ways, CSR rows and CSC columns. */
public final class Interactions {

    /**
     * One observed interaction, its weight already derived from the event type (see {@link EventWeights}). Repeated
     * events of one user and item are summed keeping the latest time; a cell whose total is not positive is dropped,
     * so a refund (negative weight) can cancel a purchase.
     */
    public record Event(String userId, String itemId, double weight, Instant time) {
        public Event {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(time, "time");
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be finite: " + weight);
            }
        }
    }

    /** An id dictionary: index → id list and id → index map, shared by every matrix derived from one build. */
    record Ids(List<String> ids, Map<String, Integer> index) {
        int indexOf(String id) {
            Integer i = index.get(id);
            return i == null ? -1 : i;
        }
    }

    private final Ids users;
    private final Ids items;
    private final int[] rowPtr;
    private final int[] rowItems;
    private final float[] rowWeights;
    private final long[] rowTimes;
    private final int[] colPtr;
    private final int[] colUsers;
    private final float[] colWeights;
    private final long latest;

    Interactions(Ids users, Ids items, int[] rowPtr, int[] rowItems, float[] rowWeights, long[] rowTimes) {
        this.users = users;
        this.items = items;
        this.rowPtr = rowPtr;
        this.rowItems = rowItems;
        this.rowWeights = rowWeights;
        this.rowTimes = rowTimes;
        int nItems = items.ids().size();
        int nnz = rowItems.length;
        // Columns by counting sort over the rows: users come out ascending within each column for free.
        colPtr = new int[nItems + 1];
        for (int item : rowItems) {
            colPtr[item + 1]++;
        }
        for (int i = 0; i < nItems; i++) {
            colPtr[i + 1] += colPtr[i];
        }
        colUsers = new int[nnz];
        colWeights = new float[nnz];
        int[] fill = Arrays.copyOf(colPtr, nItems);
        long max = Long.MIN_VALUE;
        for (int u = 0; u < users.ids().size(); u++) {
            for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
                int q = fill[rowItems[p]]++;
                colUsers[q] = u;
                colWeights[q] = rowWeights[p];
                max = Math.max(max, rowTimes[p]);
            }
        }
        latest = max;
    }

    public static InteractionsBuilder builder() {
        return new InteractionsBuilder();
    }

    public static Interactions of(Collection<Event> events) {
        InteractionsBuilder b = builder();
        events.forEach(b::add);
        return b.build();
    }

    public int userCount() {
        return users.ids().size();
    }

    public int itemCount() {
        return items.ids().size();
    }

    /** Number of non-empty cells. */
    public int size() {
        return rowItems.length;
    }

    public String userId(int user) {
        return users.ids().get(user);
    }

    public String itemId(int item) {
        return items.ids().get(item);
    }

    /** Index of a user id, or -1 when unknown. */
    public int userIndex(String userId) {
        return users.indexOf(userId);
    }

    /** Index of an item id, or -1 when unknown. */
    public int itemIndex(String itemId) {
        return items.indexOf(itemId);
    }

    /** Item ids in index order. */
    public List<String> itemIds() {
        return items.ids();
    }

    // Raw CSR access: positions rowStart(u) until rowEnd(u) address itemAt/weightAt/epochSecondAt.

    public int rowStart(int user) {
        return rowPtr[user];
    }

    public int rowEnd(int user) {
        return rowPtr[user + 1];
    }

    public int itemAt(int position) {
        return rowItems[position];
    }

    public double weightAt(int position) {
        return rowWeights[position];
    }

    public long epochSecondAt(int position) {
        return rowTimes[position];
    }

    // Raw CSC access: positions colStart(i) until colEnd(i) address userAt/colWeightAt.

    public int colStart(int item) {
        return colPtr[item];
    }

    public int colEnd(int item) {
        return colPtr[item + 1];
    }

    public int userAt(int colPosition) {
        return colUsers[colPosition];
    }

    public double colWeightAt(int colPosition) {
        return colWeights[colPosition];
    }

    public int userDegree(int user) {
        return rowPtr[user + 1] - rowPtr[user];
    }

    public int itemDegree(int item) {
        return colPtr[item + 1] - colPtr[item];
    }

    /** Whether the user has a cell for the item: binary search in the sorted row. */
    public boolean contains(int user, int item) {
        return Arrays.binarySearch(rowItems, rowPtr[user], rowPtr[user + 1], item) >= 0;
    }

    /** Latest interaction time (epoch second); the natural "now" for time decay when replaying history. */
    public long latestEpochSecond() {
        return latest;
    }

    /** A user's row as a {@link History} (copies, so callers may keep it). */
    public History history(int user) {
        int from = rowPtr[user];
        int to = rowPtr[user + 1];
        double[] w = new double[to - from];
        for (int p = from; p < to; p++) {
            w[p - from] = rowWeights[p];
        }
        return new History(Arrays.copyOfRange(rowItems, from, to), w, Arrays.copyOfRange(rowTimes, from, to));
    }

    /**
     * The cells whose CSR position {@code keep} accepts, over the same user and item dictionaries, so that indexes
     * stay comparable between, say, a train and a test matrix.
     */
    public Interactions select(IntPredicate keep) {
        int n = 0;
        for (int p = 0; p < rowItems.length; p++) {
            if (keep.test(p)) {
                n++;
            }
        }
        int[] ptr = new int[rowPtr.length];
        int[] its = new int[n];
        float[] ws = new float[n];
        long[] ts = new long[n];
        int k = 0;
        for (int u = 0; u < userCount(); u++) {
            for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
                if (keep.test(p)) {
                    its[k] = rowItems[p];
                    ws[k] = rowWeights[p];
                    ts[k++] = rowTimes[p];
                }
            }
            ptr[u + 1] = k;
        }
        return new Interactions(users, items, ptr, its, ws, ts);
    }

    @Override
    public String toString() {
        return "Interactions[" + userCount() + " users, " + itemCount() + " items, " + size() + " cells]";
    }
}
