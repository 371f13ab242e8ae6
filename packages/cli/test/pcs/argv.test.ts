// The pcs command-line grammar: global options anywhere, -f FILE first, negative scores as
// values, `--` ending the options, long options abbreviated to a unique prefix.

import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/pcs/cli/argv.js';
import { CmdLineInputError } from '../../src/pcs/cli/errors.js';
import { groupByKeywords, prepareOptions } from '../../src/pcs/cli/parse-args.js';

describe('tokenize', () => {
  it('takes a leading -f FILE as the CIB file and leaves the command words', () => {
    const t = tokenize(['-f', 'cib.xml', 'resource', 'create', 'd1', 'ocf:pacemaker:Dummy']);
    expect(t.options).toEqual([['-f', 'cib.xml']]);
    expect(t.args).toEqual(['resource', 'create', 'd1', 'ocf:pacemaker:Dummy']);
  });

  it('reads -INFINITY and other negative numbers as values, noting the missing --', () => {
    const t = tokenize(['-f', 'c.xml', 'constraint', 'colocation', 'add', 'a', 'with', 'b', '-INFINITY', '--force']);
    expect(t.args).toEqual(['constraint', 'colocation', 'add', 'a', 'with', 'b', '-INFINITY']);
    expect(t.options).toEqual([
      ['-f', 'c.xml'],
      ['--force', ''],
    ]);
    expect(t.negativeWithoutDoubleDash).toEqual(['-INFINITY']);
  });

  it('after --, everything is a word and nothing is noted', () => {
    const t = tokenize(['constraint', 'location', 'a', 'prefers', '--', 'n1=-100', '-5']);
    expect(t.args).toEqual(['constraint', 'location', 'a', 'prefers', 'n1=-100', '-5']);
    expect(t.negativeWithoutDoubleDash).toEqual([]);
  });

  it('does not take an option value for a negative number or a word', () => {
    const t = tokenize(['--name', '-1', 'node', 'attribute', 'n1']);
    expect(t.options).toEqual([['--name', '-1']]);
    expect(t.args).toEqual(['node', 'attribute', 'n1']);
  });

  it('accepts options after the command words and --opt=value forms', () => {
    const t = tokenize(['resource', 'config', '--output-format=json', '-f', 'x.xml']);
    expect(t.options).toEqual([
      ['--output-format', 'json'],
      ['-f', 'x.xml'],
    ]);
    expect(t.args).toEqual(['resource', 'config']);
  });

  it('expands a unique prefix of a long option and refuses an unknown one', () => {
    expect(tokenize(['--corosync', 'x']).options).toEqual([['--corosync', '']]);
    expect(tokenize(['--no-default', 'resource']).options).toEqual([['--no-default-ops', '']]);
    expect(() => tokenize(['--bogus-option'])).toThrow(CmdLineInputError);
  });
});

describe('keyword groups and options', () => {
  it('splits op … meta … clone … groups, each op its own group', () => {
    const g = groupByKeywords(['a=1', 'op', 'monitor', 'interval=10s', 'op', 'start', 'timeout=20', 'meta', 'm=1', 'clone', 'c=2'], ['op', 'meta', 'clone'], {
      implicitFirst: 'options',
      repeatedGroups: ['op'],
    });
    expect(g.get('options')).toEqual(['a=1']);
    expect(g.occurrences('op')).toEqual([
      ['monitor', 'interval=10s'],
      ['start', 'timeout=20'],
    ]);
    expect(g.get('meta')).toEqual(['m=1']);
    expect(g.get('clone')).toEqual(['c=2']);
  });

  it('keeps empty values (they remove an option) and the text after the first =', () => {
    expect([...prepareOptions(['a=', 'b=x=y'])]).toEqual([
      ['a', ''],
      ['b', 'x=y'],
    ]);
  });
});
