// BENCHMARKS.md: when and where it ran, a summary of every verdict, then each
// section's figures, targets and how they were measured.
import { markdownTable, renderSection } from './markdown.mjs';

export const renderReport = ({ machine, loadBefore, loadAfter, elapsedMs, sections }) => {
  const about = markdownTable(
    [
      { title: 'run', align: 'left' },
      { title: '', align: 'left' },
    ],
    [
      ['date', machine.date],
      ['CPU', machine.cpu],
      ['memory', machine.memory],
      ['OS', machine.os],
      ['Node', machine.node],
      ['load average (1, 5, 15 min), before', loadBefore],
      ['load average (1, 5, 15 min), after', loadAfter],
      ['duration', `${(elapsedMs / 1000).toFixed(0)} s`],
    ],
  );
  const summary = sections.flatMap((section) => [
    ...(section.broken ? [`- **BROKEN** ${section.title}: ${section.broken}`] : []),
    ...(section.verdicts ?? []).map(
      ({ passed, text }) => `- **${passed ? 'PASS' : 'FAIL'}** ${section.title}: ${text}`,
    ),
  ]);
  return [
    '# Benchmarks',
    '',
    'Written by `pnpm bench` (packages/resilience/bench/run.mjs); not part of `pnpm test`.',
    'Targets are informational: a miss prints FAIL and the run still exits 0. A broken run',
    '(a wrong answer, a wrong request count, a process that failed) exits 1. The machine may',
    'be shared and noisy, so the figures are medians and paired ratios where timing matters;',
    'compare runs on the same machine.',
    '',
    about,
    '',
    '## Summary',
    '',
    ...summary,
    '',
    ...sections.map(renderSection),
  ].join('\n');
};
