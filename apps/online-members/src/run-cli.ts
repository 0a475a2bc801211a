import { ChatRequestValidationError, createChatClient } from '@avchatroom/client';
import { abortableSleep } from './abortable-sleep.js';
import type { CliIo } from './cli-io.js';
import { colorsFor } from './color.js';
import { runOperatorCommand } from './commands/run-operator-command.js';
import { clientOptionsFrom } from './credentials-from-env.js';
import { runDemo } from './demo.js';
import { errorLine } from './error-line.js';
import { exitCodes } from './exit-codes.js';
import type { ConnectionFlags } from './flag-values.js';
import { helpText } from './help-text.js';
import { runList } from './list-command.js';
import { parseCommand } from './parse-command.js';
import { oneLine } from './terminal-text.js';
import { UsageError } from './usage-error.js';
import { appVersion } from './version.js';
import { runWatch } from './watch.js';

export interface RunCliOptions extends Omit<CliIo, 'sleep'> {
  /** The arguments after the script, like `process.argv.slice(2)`. */
  argv: readonly string[];
  sleep?: CliIo['sleep'];
}

const clientFor = (connection: ConnectionFlags, io: CliIo, command: string) => {
  const options = clientOptionsFrom(connection, io.env, command);
  try {
    return createChatClient(options);
  } catch (error) {
    // The client names every bad option and never its value (e.g. an identifier over 32 bytes).
    if (error instanceof TypeError) throw new UsageError(error.message, command);
    throw error;
  }
};

/** README "Exit codes": 130 for an interrupted command but watch, with one line on stderr. */
const reportInterrupted = (io: CliIo): number => {
  io.stderr.write('online-members: interrupted\n');
  return exitCodes.interrupted;
};

const reportError = (error: unknown, io: CliIo, command: string | undefined): number => {
  const label = colorsFor(io.stderr, io.env).red;
  if (io.signal?.aborted) return reportInterrupted(io);
  if (error instanceof UsageError || error instanceof ChatRequestValidationError) {
    const help = error instanceof UsageError ? error.command : command;
    const message = oneLine(error.message);
    io.stderr.write(
      `online-members: ${label('usage error')}: ${message} (see online-members${help ? ` ${help}` : ''} --help)\n`,
    );
    return exitCodes.usage;
  }
  io.stderr.write(`online-members: ${label('error')}: ${errorLine(error)}\n`);
  return exitCodes.failure;
};

/**
 * The whole CLI as a function: reads argv and env, writes to the given streams
 * and returns the exit code (0 success, 1 API or network error, 2 usage error,
 * 130 interrupted, but for watch). It never throws and never calls process.exit.
 */
export const runCli = async (options: RunCliOptions): Promise<number> => {
  const io: CliIo = { ...options, sleep: options.sleep ?? abortableSleep };
  let commandName: string | undefined;
  try {
    const command = parseCommand(options.argv);
    commandName = command.kind;
    switch (command.kind) {
      case 'help':
        io.stdout.write(helpText(command.command));
        return exitCodes.ok;
      case 'version':
        io.stdout.write(`${appVersion}\n`);
        return exitCodes.ok;
      case 'list':
        return await runList(clientFor(command.connection, io, 'list'), command, io);
      case 'watch':
        return await runWatch(clientFor(command.connection, io, 'watch'), command, io);
      case 'demo': {
        // The demo ends its watch cleanly on Ctrl-C, as watch does, then reports it.
        const code = await runDemo(io);
        return code === exitCodes.interrupted ? reportInterrupted(io) : code;
      }
      default:
        return await runOperatorCommand(
          clientFor(command.connection, io, command.kind),
          command,
          io,
        );
    }
  } catch (error) {
    return reportError(error, io, commandName);
  }
};
