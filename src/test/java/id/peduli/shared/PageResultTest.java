package id.peduli.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageResultTest {

    @Test
    void pageSizeIsBetweenOneAndTwoHundred() {
        assertThat(PageResult.clampSize(0)).isEqualTo(1);
        assertThat(PageResult.clampSize(-5)).isEqualTo(1);
        assertThat(PageResult.clampSize(50)).isEqualTo(50);
        assertThat(PageResult.clampSize(Integer.MAX_VALUE)).isEqualTo(200);
    }

    @Test
    void onlyTheFirstTenThousandRowsCanBePagedThrough() {
        assertThat(PageResult.clampPage(-1, 20)).isZero();
        assertThat(PageResult.clampPage(3, 20)).isEqualTo(3);
        assertThat(PageResult.clampPage(499, 20)).isEqualTo(499);
        assertThat(PageResult.clampPage(500, 20)).isEqualTo(499);
        assertThat(PageResult.clampPage(Integer.MAX_VALUE, 20)).isEqualTo(499);
        assertThat(PageResult.clampPage(Integer.MAX_VALUE, 7)).isEqualTo(1428);
        assertThat(PageResult.clampPage(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(49);
    }

    @Test
    void theOffsetNeverOverflowsNorPassesTheBound() {
        for (int size : new int[] {Integer.MIN_VALUE, -1, 0, 1, 3, 20, 199, 200, 201, Integer.MAX_VALUE}) {
            for (int page : new int[] {Integer.MIN_VALUE, -1, 0, 1, 1000, 1_000_000, Integer.MAX_VALUE}) {
                long offset = PageResult.offset(page, size);
                assertThat(offset).isBetween(0L, (long) PageResult.MAX_OFFSET - 1);
            }
        }
        assertThat(PageResult.offset(Integer.MAX_VALUE, 200)).isEqualTo(9_800);
    }

    @Test
    void pagesStopAtTheBoundEvenWhenTheTotalIsLarger() {
        PageResult<String> huge = new PageResult<>(List.of("a"), 0, 20, 5_000_000);
        assertThat(huge.pages()).isEqualTo(500);
        PageResult<String> last = new PageResult<>(List.of("a"), 499, 20, 5_000_000);
        assertThat(last.hasNext()).isFalse();
        assertThat(new PageResult<>(List.of("a"), 0, 20, 41).pages()).isEqualTo(3);
    }
}
