/* legend.h — the marks the tables pane puts beside a cell's value so that
 * findings stay visible without colour, once: the pane draws them, the
 * help screen and the man page explain them from this table.
 * M(id, mark, en, zh): the mark as UTF-8 and what it says. */
#ifndef NB_LEGEND_H
#define NB_LEGEND_H

#define NB_LEGEND(M)                                                                                              \
    M(ERROR, "!", "a finding of error level names the cell", "有错误级别的问题涉及该单元格")                     \
    M(WARNING, "*", "a finding of warning level names the cell", "有警告级别的问题涉及该单元格")                 \
    M(INFERRED, "~", "inferred: split from run-together digits by the table's sums",                             \
      "推断：按表内合计从连写数字中拆分得出")                                                                     \
    M(BLANK, "·", "blank: the cell is there and empty", "空白：单元格存在但未填写")                              \
    M(MISSING, "—", "missing: the row or cell is not in the report", "缺失：报告中没有该行或该单元格")          \
    M(CORRECTED, "#", "corrected: the reviewer's value, not the report's", "已更正：审阅人填写的值，非报告原值") \
    M(TEXT, "?", "text where a number belongs", "应填数字处填的是文字")

typedef enum {
#define M(id, mark, en, zh) NB_LEGEND_##id,
    NB_LEGEND(M)
#undef M
    NB_NLEGEND
} nb_legend_id;

/* The mark as drawn; what it says in English or (zh) Chinese. */
const char *nb_legend_mark(nb_legend_id m);
const char *nb_legend_text(nb_legend_id m, int zh);

#endif
