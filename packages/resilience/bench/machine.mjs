// What the figures were measured on. The machine may be shared: the load
// averages before and after say how busy it was.
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

export const loadAverages = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');

export const describeMachine = () => {
  const processors = cpus();
  return {
    date: new Date().toISOString(),
    cpu: `${processors[0]?.model.trim() ?? 'unknown CPU'}, ${processors.length} logical cores`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
  };
};
