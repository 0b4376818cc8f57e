import type { Figure } from '../model';
import { arrowSpan } from '../parse/timeline';
import { parsePeriod } from '../thai';
import { defineRule } from './define';

const q = (n: number): string => `ไตรมาส ${n}`;

export default defineRule({
  meta: {
    code: 'timeline-conflict',
    severity: 'warning',
    title: { th: 'ระยะเวลาดำเนินการ', en: 'Timeline conflicts' },
    help: { th: 'เดือนที่ระบุอยู่นอกไตรมาสที่ลูกศรครอบคลุม', en: 'month text outside the quarters its arrow covers' },
  },
  checkProject(_ctx, { sheet, project }, report) {
    const filled = project.timeline.filter((c): c is Figure<string> => c !== null);
    if (filled.length === 0) return;
    const span = arrowSpan(project.timeline, project.timelineReach);
    const period = parsePeriod(filled.map((c) => c.value).join(' '));
    if (!span || !period || period.wholeYear) return;
    const [from, to] = span;
    const arrow = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const months = period.quarters;
    const conflict = period.deadline ? from > (months[0] ?? 4) : months.some((m) => m < from || m > to);
    if (!conflict) return;
    report({ sheet, cell: (filled[0] as Figure<string>).cell }, {
      th: period.deadline
        ? `ลูกศรเริ่มใน${q(arrow[0] ?? 1)} หลังกำหนดเสร็จ (${q(months[0] ?? 1)})`
        : `ลูกศรอยู่ใน${arrow.map(q).join(', ')} แต่เดือนที่ระบุอยู่ใน${months.map(q).join(', ')}`,
      en: period.deadline
        ? `The arrow starts in Q${arrow[0]} after its deadline in Q${months[0]}`
        : `The arrow covers Q${arrow.join(', Q')} but the months named fall in Q${months.join(', Q')}`,
    }, { related: filled.slice(1).map((c) => c.cell.address), expected: `Q${months.join(',Q')}`, actual: `Q${arrow.join(',Q')}` });
  },
});
