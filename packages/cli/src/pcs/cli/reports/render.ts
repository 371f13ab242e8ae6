// Reports to text. The words are ours; the prefixes (Error:, Warning:) are what scripts and
// people grep for, as with pcs.

import type { ReportItem } from '../../lib/reports/item.js';
import type { ReportMessage } from '../../lib/reports/messages.js';
import { formatList, formatListUnsorted } from '../text.js';
import { constraintToText } from '../constraint/format.js';
import { legacyRuleLines } from '../constraint/location-output.js';

const a = (n: string) => (/^[aeiou]/i.test(n) ? `an ${n}` : `a ${n}`);
const q = (s: string) => `'${s}'`;
const plural = (n: number, one: string, many = one + 's') => (n === 1 ? one : many);

export function renderMessage(m: ReportMessage): string {
  switch (m.code) {
    case 'ID_ALREADY_EXISTS':
      return `id ${q(m.id)} is already used in the CIB; choose another id`;
    case 'ID_NOT_FOUND':
      return `there is no ${m.expectedTypes.length ? m.expectedTypes.join(' or ') : 'element'} with id ${q(m.id)}${m.contextType ? ` in ${m.contextType}${m.contextId ? ` ${q(m.contextId)}` : ''}` : ''}`;
    case 'ID_BELONGS_TO_UNEXPECTED_TYPE':
      return `${q(m.id)} is ${a(m.currentType)}, not ${m.expectedTypes.map(a).join(' or ')}`;
    case 'INVALID_ID_IS_EMPTY':
      return `the ${m.description} cannot be empty`;
    case 'INVALID_ID_BAD_CHAR':
      return `${q(m.id)} cannot be used as ${a(m.description)}: ${m.isFirstChar ? 'it may not start with' : 'it may not contain'} ${q(m.char)} (ids start with a letter or '_' and hold letters, digits, '_', '.', '-')`;
    case 'OBJECT_WITH_ID_IN_UNEXPECTED_CONTEXT':
      return `${m.type} ${q(m.id)} exists, but not in ${m.contextType} ${q(m.contextId)}`;
    case 'INVALID_OPTIONS': {
      const names = m.optionNames;
      const allowed = m.allowed.length ? `; allowed: ${formatList(m.allowed)}` : `; this ${m.optionType || 'object'} takes no options`;
      const patterns = m.allowedPatterns?.length ? ` and names matching ${formatList(m.allowedPatterns)}` : '';
      return `unknown ${m.optionType ? m.optionType + ' ' : ''}${plural(names.length, 'option')} ${formatList(names)}${allowed}${patterns}`;
    }
    case 'INVALID_OPTION_VALUE':
      if (m.cannotBeEmpty) return `${q(m.optionName)} needs a value`;
      if (m.forbiddenCharacters) return `${q(m.optionValue)} is not a valid ${m.optionName}: it may not contain ${m.forbiddenCharacters}`;
      // nothing to offer when the agent's meta-data could not be read (created with --force)
      if (Array.isArray(m.allowedValues) && m.allowedValues.length === 0) return `${q(m.optionValue)} is not a valid ${m.optionName}`;
      return `${q(m.optionValue)} is not a valid ${m.optionName}; use ${typeof m.allowedValues === 'string' ? m.allowedValues : formatList(m.allowedValues)}`;
    case 'INVALID_OPTION_TYPE':
      return `${q(m.optionName)} must be ${m.allowedTypes}`;
    case 'REQUIRED_OPTIONS_ARE_MISSING':
      return `${m.optionType ? m.optionType + ' ' : ''}${plural(m.optionNames.length, 'option')} ${formatList(m.optionNames)} ${plural(m.optionNames.length, 'is', 'are')} required`;
    case 'REQUIRED_OPTION_OF_ALTERNATIVES_IS_MISSING':
      return `one of the ${m.optionType ? m.optionType + ' ' : ''}options ${formatList(m.optionNames)} is required`;
    case 'DEPRECATED_OPTION':
      return `${m.optionType ? m.optionType + ' ' : ''}option ${q(m.optionName)} is deprecated${m.replacedBy.length ? `; use ${formatList(m.replacedBy)} instead` : ''}`;
    case 'DEPRECATED_OPTION_VALUE':
      return `${m.optionName} ${q(m.deprecatedValue)} is the old name; use ${q(m.replacedBy)}`;
    case 'MUTUALLY_EXCLUSIVE_OPTIONS':
      return `${m.optionType ? m.optionType + ' ' : ''}options ${formatList(m.optionNames)} cannot be used together`;
    case 'INVALID_SCORE':
      return `${q(m.score)} is not a score; a score is a whole number, INFINITY or -INFINITY`;
    case 'INVALID_TIMEOUT_VALUE':
      return `${q(m.timeout)} is not a timeout; write seconds, or a number with s, m, h (e.g. 30s, 2min)`;
    case 'RUN_EXTERNAL_PROCESS_ERROR':
      return `running '${m.command}' failed: ${m.reason}`;
    case 'ADD_REMOVE': {
      const c = `${m.containerType} ${q(m.containerId)}`;
      const items = formatList(m.items);
      const isAre = plural(m.items.length, 'is', 'are');
      switch (m.problem) {
        case 'not-specified':
          return `name the ${m.itemType}s to add to or remove from ${c}`;
        case 'duplication':
          return `${m.itemType} ${items} named more than once`;
        case 'already-in':
          return `${m.itemType} ${items} ${isAre} already in ${c}`;
        case 'not-in':
          return `${m.itemType} ${items} ${isAre} not in ${c}`;
        case 'add-and-remove':
          return `${m.itemType} ${items} cannot be added to and removed from ${c} at once`;
        case 'remove-all':
          return `removing every ${m.itemType} from ${c} would leave it empty; remove the ${m.containerType} itself instead`;
        case 'adjacent-not-in':
          return `${m.itemType} ${items} is not in ${c}, so nothing can be placed next to it`;
        case 'adjacent-itself':
          return `${m.itemType} ${items} cannot be placed next to itself`;
        case 'adjacent-without-add':
          return `nothing is being added to ${c}, so there is nothing to place next to ${items}`;
      }
      return '';
    }
    case 'AGENT_NAME_GUESSED':
      return `'${m.entered}' taken as ${q(m.guessed)}`;
    case 'AGENT_NAME_GUESS_FOUND_MORE_THAN_ONE':
      return `several installed agents are called ${q(m.agent)}: ${formatList(m.possible, ' and ')}; give the full name`;
    case 'AGENT_NAME_GUESS_FOUND_NONE':
      return `no installed agent is called ${q(m.agent)}; give its full name (STANDARD:PROVIDER:TYPE)`;
    case 'NO_AGENTS_FOUND':
      return `no ${m.what} found on this host; are the agents installed?`;
    case 'INVALID_RESOURCE_AGENT_NAME':
      return `${q(m.name)} is not an agent name: write standard:provider:type for OCF agents (ocf:heartbeat:IPaddr2) and standard:type for the others (systemd:libvirtd)`;
    case 'INVALID_STONITH_AGENT_NAME':
      return `${q(m.name)} is not a fence agent name: give the fence agent alone (fence_ipmilan), without 'stonith:'`;
    case 'UNABLE_TO_GET_AGENT_METADATA':
      return `cannot use agent ${q(m.agent)}: ${m.reason}`;
    case 'AGENT_SELF_VALIDATION_SKIPPED':
      return 'the agent was not asked to validate the options';
    case 'SYSTEMD_NOT_RUNNING':
      return `cannot read the meta-data of ${q(m.agent)}: systemd is not running on this host`;
    case 'RESOURCE_OPERATION_INTERVAL_DUPLICATION':
      return (
        'the same operation is defined more than once with the same interval:\n' +
        m.duplications.map(([name, groups]) => groups.map((g) => `${name} with intervals ${g.join(', ')}`).join('\n')).join('\n')
      );
    case 'RESOURCE_OPERATION_INTERVAL_ADAPTED':
      return `interval of operation ${m.operation} changed from ${m.original} to ${m.adapted}, so that it differs from the others`;
    case 'RESOURCE_OPERATION_ALREADY_EXISTS':
      return m.sameInterval
        ? `${m.resource} already has a ${m.operation} operation with this interval:\n${m.existing}`
        : `${m.resource} already has a ${m.operation} operation:\n${m.existing}`;
    case 'RESOURCE_OPERATION_NOT_FOUND':
      return `no operation matches ${m.description}`;
    case 'RESOURCE_DOES_NOT_EXIST':
      return `there is no resource ${q(m.id)}`;
    case 'RESOURCE_INSTANCE_ATTR_VALUE_NOT_UNIQUE':
      return `${m.attributes} is already used by ${m.agent} ${plural(m.resources.length, 'resource')} ${formatList(m.resources)}; it must be unique`;
    case 'RESOURCE_IS_ALREADY_CLONED':
      return `${q(m.id)} is already a clone${m.cloneId ? ` (${m.cloneId})` : ''}`;
    case 'CANNOT_CLONE_OR_GROUP':
      return {
        'in-clone': `${q(m.id)} is inside a clone; clone or group the clone itself`,
        'in-bundle': `${q(m.id)} is inside a bundle and cannot be cloned or grouped`,
        'is-stonith': `${q(m.id)} is a fence device; fence devices cannot be cloned`,
        'stonith-in-group': `group ${q(m.id)} holds a fence device and cannot be cloned`,
        'is-clone': `${q(m.id)} is already a clone`,
      }[m.reason];
    case 'RESOURCE_CLONE_INCOMPATIBLE_META_ATTRIBUTES':
      return `clone option ${q(m.attribute)} does not suit agent ${q(m.agent)}${m.resource ? ` of resource ${q(m.resource)}` : ''}${m.group ? ` in group ${q(m.group)}` : ''}${m.attribute === 'promotable' ? ' (it cannot promote and demote)' : ''}`;
    case 'STONITH_RESOURCE_IN_RESOURCE_COMMAND':
      return `${q(m.id)} is a fence device; use '${m.replacement}'`;
    case 'RESOURCE_NOT_STONITH':
      return `${q(m.id)} is not a fence device; use 'pcs resource' for it`;
    case 'CANNOT_GROUP_RESOURCE_WRONG_TYPE':
      return `${q(m.id)} is ${a(m.type)}${m.parentType ? ` inside ${m.parentType} ${q(m.parentId ?? '')}` : ''}; only primitives can be put in a group`;
    case 'CANNOT_GROUP_RESOURCE_ADJACENT_RESOURCE_FOR_NEW_GROUP':
      return `group ${q(m.group)} does not exist yet, so nothing can be placed next to ${q(m.adjacent)} in it`;
    case 'CANNOT_GROUP_RESOURCE_ADJACENT_RESOURCE_NOT_IN_GROUP':
      return `${q(m.adjacent)} is not in group ${q(m.group)}`;
    case 'CANNOT_GROUP_RESOURCE_NEXT_TO_ITSELF':
      return `${q(m.id)} cannot be placed next to itself`;
    case 'CANNOT_GROUP_RESOURCE_NO_RESOURCES':
      return 'name at least one resource to put in the group';
    case 'CANNOT_GROUP_RESOURCE_MORE_THAN_ONCE':
      return `${formatList(m.ids)} named more than once`;
    case 'CANNOT_GROUP_RESOURCE_ALREADY_IN_THE_GROUP':
      return `${formatList(m.ids)} ${plural(m.ids.length, 'is', 'are')} already in group ${q(m.group)}`;
    case 'GROUP_NOT_FOUND_OR_EMPTY':
      return `there is no group ${q(m.id)}, or it is empty`;
    case 'RESOURCE_BUNDLE_ALREADY_CONTAINS_A_RESOURCE':
      return `bundle ${q(m.bundle)} already holds resource ${q(m.resource)}; a bundle holds one resource`;
    case 'RESOURCE_IN_BUNDLE_NOT_ACCESSIBLE':
      return `resource ${q(m.resource)} in bundle ${q(m.bundle)} cannot be reached: the bundle has no control-port or ip-range-start in its network`;
    case 'RESOURCE_BUNDLE_UNSUPPORTED_CONTAINER_TYPE':
      return `bundle ${q(m.bundle)} uses a container type pcs cannot handle; known types: ${formatList(m.supported)}`;
    case 'DEFAULTS_CAN_BE_OVERRIDDEN':
      return 'defaults do not apply to resources that set these options themselves';
    case 'CIB_NVSET_AMBIGUOUS_PROVIDE_NVSET_ID':
      return `there are several sets of defaults; pick one with '${m.command}' and its id`;
    case 'NO_DEFAULTS_SET':
      return 'no defaults are set';
    case 'RESOURCE_DISABLED_AFFECTS':
      return `disabling ${q(m.id)} affects other resources`;
    case 'RESOURCE_UNMANAGED_NO_MONITOR':
      return `${q(m.id)} is unmanaged and its monitors still run`;
    case 'RESOURCE_MANAGED_NO_MONITOR_ENABLED':
      return `${q(m.id)} is managed again but has no enabled monitor operation; add --monitor to enable them`;
    case 'RESOURCE_BAN_NEEDS_NODE':
      return 'the resource is stopped, so name the node to ban it from (or move it to)';
    case 'RESOURCE_MOVE_CONSTRAINT_CREATED':
      return `a location constraint now asks for ${q(m.id)} to move; whether it moves depends on the rest of the configuration`;
    case 'RESOURCE_BAN_CONSTRAINT_CREATED':
      return (
        `location constraint ${q(m.constraintId)} (score -INFINITY) keeps ${m.resource} from ${m.promoted ? 'being promoted on' : 'running on'} ${m.node}\n` +
        `\tuntil the constraint is removed ('pcs resource clear ${m.resource}'), even when ${m.node} is the last node left`
      );
    case 'RESOURCE_PROMOTED_NEEDS_PROMOTABLE':
      return `--promoted applies to promotable clones only; ${q(m.id)} is not one`;
    case 'CANNOT_MOVE_RESOURCE':
      return m.reason === 'bundle'
        ? `${q(m.id)} is a bundle; bundles cannot be moved`
        : m.reason === 'clone'
          ? `${q(m.id)} is a clone (or in one); clones run everywhere and cannot be moved`
          : `${q(m.id)} is inside promotable clone ${q(m.promotableId ?? '')}: move the clone with --promoted`;
    case 'CONSTRAINT_LIFETIME':
      return `the constraint applies until ${m.end}`;
    case 'CONSTRAINT_REMOVED':
      return `removed constraint ${m.id}`;
    case 'RELOCATE_CONSTRAINT_PLANNED':
      return `${q(m.resource)} would go to ${m.node}${m.role ? ` (${m.role})` : ''}: constraint ${m.id} would pin it there until it has moved`;
    case 'RESOURCE_MOVE_ACTIVE_ON_SEVERAL_NODES':
      return `${q(m.id)} runs on ${formatList(m.nodes)}: name the node to move it to (or ban it from one with 'pcs resource ban')`;
    case 'RELOCATE_NOTHING_TO_MOVE':
      return 'every resource already is where it would go without stickiness: nothing to relocate';
    case 'CONSTRAINT_REMOVED_WITH_RESOURCE':
      return `removed constraint ${m.id}`;
    case 'RESOURCE_DELETED':
      return `removed resource ${m.id}`;
    case 'NOTHING_TO_CLEAR':
      return 'there was no constraint to clear';
    case 'RESOURCE_UPDATE_NOTHING_TO_DO':
      return `nothing to change on ${q(m.id)}`;
    case 'DEBUG_ACTION_NEEDS_PRIMITIVE':
      return `debug-${m.action} runs one resource agent, and ${q(m.id)} is a ${m.kind}${m.inner.length ? `; give ${m.inner.length === 1 ? 'its resource' : 'one of its resources'}: ${m.inner.join(', ')}` : ''}`;
    case 'DEBUG_ACTION_STONITH':
      return `${q(m.id)} is a fence device; fence devices are run by the fencer, not by debug actions`;
    case 'USE_COMMAND_NODE_ADD_REMOTE':
      return "use 'pcs cluster node add-remote' to create remote nodes";
    case 'USE_COMMAND_NODE_ADD_GUEST':
      return "use 'pcs cluster node add-guest' to create guest nodes";
    case 'DUPLICATE_CONSTRAINTS_EXIST':
      return `an identical constraint exists already:\n${m.constraints.map((c) => '  ' + constraintToText(m.tag, c, true)).join('\n')}`;
    case 'DUPLICATE_LOCATION_RULES':
      return `a location constraint with the same rules exists already:\n${m.constraints
        .map((c) => [`  Constraint: ${c.id}`, ...c.rules.flatMap((r) => legacyRuleLines(r, true).map((l) => '    ' + l))].join('\n'))
        .join('\n')}`;
    case 'CANNOT_ORDER_RESOURCES_IN_SAME_GROUP':
      return 'resources of one group are ordered by the group itself; an order constraint between them is not possible';
    case 'CONSTRAINT_NOT_FOUND':
      return `there is no constraint ${q(m.id)}`;
    case 'RESOURCE_FOR_CONSTRAINT_IS_MULTIINSTANCE':
      return `${m.resource} is inside ${m.parentType} ${q(m.parentId)}; constrain ${q(m.parentId)} instead`;
    case 'CANNOT_CONSTRAIN_BUNDLE_INNER_RESOURCE':
      return `${m.resource} is inside bundle ${q(m.bundle)}; constrain the bundle instead`;
    case 'NODE_EXISTENCE_NOT_VALIDATED':
      return 'working on a file: the node names were not checked against the cluster';
    case 'NODE_NOT_FOUND':
      return `there is no node ${q(m.node)}`;
    case 'REMOTE_NODE_NOT_FOUND':
      return `no ${m.kind} node is named ${q(m.node)} (looked for by node name, address and resource id) in the CIB`;
    case 'REMOTE_NODE_STEPS_LEFT_TO_USER':
      return m.adding
        ? `working on a CIB file: copy /etc/pacemaker/authkey to ${m.node} and enable and start pacemaker_remote there yourself`
        : `working on a CIB file: stop and disable pacemaker_remote on ${m.node} and remove its /etc/pacemaker/authkey yourself`;
    case 'USING_DEFAULT_ADDRESS_FOR_HOST':
      return `no address given for ${q(m.node)}: using ${q(m.address)}`;
    case 'RESOURCE_IS_GUEST_NODE_ALREADY':
      return `${q(m.id)} already hosts a guest node; remove it first with 'pcs cluster node remove-guest'`;
    case 'MULTIPLE_RESULTS_FOUND':
      return `more than one ${m.kind} matches ${q(m.search)}: ${formatList(m.ids)}; name one by its id`;
    case 'ORDER_CONSTRAINT_ADDED':
      return `Adding ${m.first} ${m.then} (kind: ${m.kind}) (Options: ${m.options})`;
    case 'RULE_EXPRESSION_PARSE_ERROR':
      return `cannot read rule ${q(m.rule)}: ${m.reason}`;
    case 'RULE_EXPRESSION_NOT_ALLOWED':
      return `${m.expression} cannot be used in this rule`;
    case 'INVALID_ROLE_IN_RULE':
      return `${q(m.role)} is not a role for a rule; use ${formatList(m.allowed)}`;
    case 'CANNOT_SET_ORDER_OF_RESOURCE_TO_ITSELF':
      return 'a resource cannot be ordered after itself';
    case 'CANNOT_COLOCATE_RESOURCE_WITH_ITSELF':
      return 'a resource cannot be colocated with itself';
    case 'EMPTY_RESOURCE_SET':
      return 'a resource set needs at least one resource';
    case 'TICKET_NOT_FOUND':
      return `no ticket constraint ties ticket ${q(m.ticket)} to ${q(m.resource)}`;
    case 'PROPERTY_NOT_FOUND':
      return `there is no cluster property ${q(m.name)}`;
    case 'CANNOT_REMOVE_UNSET_PROPERTY':
      return `${formatList(m.names)} ${plural(m.names.length, 'is', 'are')} not set in ${q(m.setId)}`;
    case 'CLUSTER_OPTIONS_METADATA_NOT_SUPPORTED':
      return 'cluster property meta-data is not available';
    case 'NODE_ATTRIBUTE_NODE_NOT_FOUND':
      return `cannot set ${m.attribute}: there is no node ${q(m.node)} in the CIB`;
    case 'TAG_ADD_REMOVE_IDS_DUPLICATION':
      return `${formatList(m.ids)} listed more than once to ${m.add ? 'add' : 'remove'}`;
    case 'TAG_CANNOT_ADD_AND_REMOVE_IDS_AT_THE_SAME_TIME':
      return `${formatList(m.ids)} cannot be added and removed at once`;
    case 'TAG_CANNOT_ADD_REFERENCE_IDS_ALREADY_IN_THE_TAG':
      return `${formatList(m.ids)} ${plural(m.ids.length, 'is', 'are')} already in tag ${q(m.tag)}`;
    case 'TAG_CANNOT_REMOVE_REFERENCES_WITHOUT_REMOVING_TAG':
      return `removing every id from tag ${q(m.tag)} would leave it empty; remove the tag instead`;
    case 'TAG_IDS_NOT_IN_THE_TAG':
      return `${formatList(m.ids)} ${plural(m.ids.length, 'is', 'are')} not in tag ${q(m.tag)}`;
    case 'TAG_CANNOT_CREATE_EMPTY_TAG_NO_IDS_SPECIFIED':
      return 'a tag needs at least one id';
    case 'TAG_CANNOT_PUT_ID_NEXT_TO_ITSELF':
      return `${q(m.id)} cannot be placed next to itself`;
    case 'TAG_CANNOT_REMOVE_ADJACENT_ID':
      return `${q(m.id)} is being removed, so nothing can be placed next to it`;
    case 'TAG_ADJACENT_REFERENCE_ID_NOT_IN_THE_TAG':
      return `${q(m.adjacent)} is not in tag ${q(m.tag)}`;
    case 'TAG_USED_IN_CONSTRAINT':
      return `tag ${q(m.tag)} is used in ${plural(m.constraints.length, 'constraint')} ${formatList(m.constraints)}; remove ${plural(m.constraints.length, 'it', 'them')} first`;
    case 'CIB_ALERT_RECIPIENT_ALREADY_EXISTS':
      return `alert ${q(m.alert)} already has a recipient ${q(m.value)}`;
    case 'CIB_ACL_ROLE_IS_ALREADY_ASSIGNED':
      return `role ${q(m.role)} is already assigned to ${q(m.target)}`;
    case 'CIB_ACL_ROLE_IS_NOT_ASSIGNED':
      return `role ${q(m.role)} is not assigned to ${q(m.target)}`;
    case 'CIB_ACL_TARGET_ALREADY_EXISTS':
      return `${q(m.id)} already exists as an ACL user or group`;
    case 'ACL_PERMISSION_NOT_FOUND':
      return `there is no ACL permission ${q(m.id)}`;
    case 'CIB_FENCING_LEVEL_ALREADY_EXISTS':
      return `fencing level ${m.level} for ${q(m.target)} with ${m.devices.join(',')} exists already`;
    case 'CIB_FENCING_LEVEL_DOES_NOT_EXIST':
      return `no fencing level matches${m.level ? ` level ${m.level}` : ''}${m.target ? ` for ${q(m.target)}` : ''}${m.devices?.length ? ` with ${m.devices.join(',')}` : ''}`;
    case 'STONITH_RESOURCES_DO_NOT_EXIST':
      return `there ${plural(m.ids.length, 'is no fence device', 'are no fence devices')} ${formatList(m.ids)}`;
    case 'INVALID_FENCING_LEVEL':
      return `${q(m.level)} is not a fencing level; use a whole number from 1 to 9`;
    case 'NODE_NOT_IN_CLUSTER':
      return `node ${q(m.node)} is not in the cluster`;
    case 'INVALID_USERDEFINED_OPTIONS':
      return `${m.optionType} ${plural(m.optionNames.length, 'option')} ${formatList(m.optionNames)} cannot be written to corosync.conf; option names use only ${m.allowedCharacters}`;
    case 'PREREQUISITE_OPTION_IS_MISSING':
      return `${m.optionType} option ${q(m.option)} needs ${m.optionType} option ${q(m.prerequisite)} as well`;
    case 'PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL':
      return `${m.optionType} option ${q(m.option)} works only when ${m.optionType} option ${q(m.prerequisite)} is enabled too`;
    case 'PREREQUISITE_OPTION_MUST_BE_DISABLED':
      return `${m.optionType} option ${q(m.option)} cannot be used while ${m.optionType} option ${q(m.prerequisite)} is enabled`;
    case 'PREREQUISITE_OPTION_MUST_NOT_BE_SET':
      return `${m.optionType} option ${q(m.option)} cannot be set while ${m.optionType} option ${q(m.prerequisite)} is; remove ${q(m.prerequisite)} (give it an empty value) in the same command`;
    case 'COROSYNC_CLUSTER_NAME_INVALID_FOR_GFS2':
      return `cluster name ${q(m.clusterName)} cannot name a GFS2 lock table: use at most ${m.maxLength} characters among ${m.allowedCharacters}`;
    case 'COROSYNC_NODES_MISSING':
      return 'name at least one node';
    case 'COROSYNC_BAD_NODE_ADDRESSES_COUNT':
      return `node ${q(m.node)} has ${m.actual} ${plural(m.actual, 'address', 'addresses')}; give ${m.min === m.max ? m.min : `${m.min} to ${m.max}`} with this transport`;
    case 'NODE_ADDRESSES_CANNOT_BE_EMPTY':
      return `empty address given for ${plural(m.nodes.length, 'node')} ${formatList(m.nodes)}`;
    case 'NODE_NAMES_DUPLICATION':
      return `node ${plural(m.names.length, 'name')} ${formatList(m.names)} given more than once`;
    case 'NODE_ADDRESSES_DUPLICATION':
      return `${plural(m.addresses.length, 'address', 'addresses')} ${formatList(m.addresses)} used by more than one node`;
    case 'NODE_ADDRESSES_UNRESOLVABLE':
      return `cannot resolve ${plural(m.addresses.length, 'address', 'addresses')} ${formatList(m.addresses)}; give IP addresses with addr=`;
    case 'COROSYNC_NODE_ADDRESS_COUNT_MISMATCH':
      return `every node needs the same number of addresses (one per link); given: ${Object.entries(m.counts)
        .map(([n, c]) => `${n}: ${c}`)
        .join(', ')}`;
    case 'COROSYNC_IP_VERSION_MISMATCH_IN_LINKS':
      return `${plural(m.links.length, 'link')} ${formatList(m.links)} mix IPv4 and IPv6 addresses; use one family per link`;
    case 'COROSYNC_LINK_DOES_NOT_EXIST_CANNOT_UPDATE':
      return `there is no link ${m.link}: the node addresses define ${m.existing.length ? `links ${formatList(m.existing)}` : 'no link'}`;
    case 'COROSYNC_LINK_NUMBER_DUPLICATION':
      return `link ${plural(m.links.length, 'number')} ${formatList(m.links)} given more than once`;
    case 'COROSYNC_TOO_MANY_LINKS_OPTIONS':
      return `options given for ${m.links} links, but the nodes have addresses for ${m.addresses}`;
    case 'COROSYNC_TRANSPORT_UNSUPPORTED_OPTIONS':
      return `${m.optionType} options are not available with the ${m.transport} transport; they need ${formatList(m.supported)}`;
    case 'COROSYNC_NODE_ADDRESS_DEFAULTED':
      return `no address given for node ${q(m.node)}; using ${q(m.address)}`;
    case 'COROSYNC_CONF_PARSE_ERROR':
      return `cannot read corosync.conf '${m.file}', line ${m.line}: ${m.problem.replace(/-/g, ' ')}`;
    case 'COROSYNC_CONFIG_MISSING_NODE_DATA':
      return `some nodes in corosync.conf have no ${m.what === 'names' ? 'name' : 'nodeid'}; add it to every node section`;
    case 'COROSYNC_CONFIG_UNSUPPORTED_TRANSPORT':
      return `corosync.conf uses transport ${q(m.transport)}, which pcs does not handle; it handles knet, udp and udpu`;
    case 'CIB_SCOPE_INVALID':
      return `${q(m.scope)} is not a CIB scope; use one of ${formatList(m.allowed)}`;
    case 'CIB_SCOPE_NOT_PRESENT':
      return `${m.file ? `'${m.file}'` : 'the CIB'} has no ${q(m.scope)} section`;
    case 'CIB_PUSH_OLDER_THAN_CURRENT':
      return `the CIB to push (version ${m.pushed}) is older than the current one (${m.current}), so nothing was changed; push only the configuration with --config, or start again from 'pcs cluster cib'`;
    case 'CIB_PUSH_NOTHING_TO_PUSH':
      return 'the new CIB does not differ from the original one; nothing was pushed';
    case 'CIB_PUSH_PARSE_ERROR':
      return `cannot read the CIB to push, '${m.file}': ${m.reason}`;
    case 'CIB_PUSH_CONFLICT':
      return `the changes cannot be applied to the current CIB: ${m.reason}`;
    case 'BACKUP_ERROR':
      return `backup: ${m.reason}`;
    case 'BACKUP_OLD_VERSION':
      return `the backup is of version ${m.version}; this pcs writes version ${m.supported}, restoring anyway`;
    case 'STATUS_RESOURCE_NOT_FOUND':
      return `there is no resource or tag ${q(m.id)}`;
    case 'STATUS_UNAVAILABLE':
      return `'${m.command}' shows the cluster status, which needs the scheduler's status output (@hacluster/policy-engine); this build does not have it yet. The configuration is shown by '${m.command.replace(/status|show/, 'config')}'`;
    case 'CIB_UPDATED':
      return 'CIB updated';
    case 'CIB_EDIT_NO_EDITOR':
      return 'set $EDITOR to the editor to open the CIB in';
    case 'CIB_EDIT_NO_CHANGES':
      return 'no changes made, the CIB was left as it was';
    case 'CIB_EDIT_EDITOR_FAILED':
      return `cannot run the editor '${m.editor}': ${m.reason}`;
    case 'CIB_VERIFY_FAILED':
      return `the CIB is not valid:\n${m.problems.join('\n')}${m.full ? '' : '\n\nAdd --full for details.'}`;
    case 'CIB_LOAD_ERROR':
      return `cannot read the CIB: ${m.reason}`;
    case 'CIB_PUSH_ERROR':
      return `cannot write the CIB: ${m.reason}`;
    case 'CIB_UPGRADE_NEEDED':
      return `the CIB must be upgraded first: ${m.reason}`;
    case 'CIB_INVALID':
      return `the CIB would not conform to Pacemaker's schema, so it was not changed:\n${m.problems
        .map((p) => `  <${p.element}${p.id !== undefined ? ` id="${p.id}"` : ''}>: ${p.attribute}="${p.value}" is not ${p.expected}`)
        .join('\n')}`;
    case 'FILE_IO_ERROR':
      return `cannot ${m.operation} '${m.file}': ${m.reason}`;
    case 'FILE_ALREADY_EXISTS':
      return `'${m.file}' exists already${m.overwriteOption ? `; add ${m.overwriteOption} to replace it` : ''}`;
    case 'COROSYNC_CONF_READ_ERROR':
      return `cannot read corosync.conf '${m.file}': ${m.reason}`;
    case 'LIVE_CLUSTER_NOT_AVAILABLE':
      return `no cluster is running here, so ${m.command} has no live CIB to work on; work on a file instead: pcs -f FILE ...`;
    case 'LEGACY_FORM_ACCEPTED':
      return `'${m.legacy}' is the pcs 0.9 form; pcs 0.11 writes it as '${m.modern}'`;
    case 'COMMAND_REPLACED':
      return renderReplaced(m.replacements);
    case 'COMMAND_DEPRECATED':
      return `this command is deprecated; use '${m.replacement}'`;
    case 'NEGATIVE_NUMBER_WITHOUT_DOUBLE_DASH':
      return `${formatListUnsorted(m.values)} taken as a value; put '--' before values that start with a dash`;
  }
}

export function renderReplaced(replacements: readonly string[]): string {
  return `pcs 0.11 replaced this command with ${replacements.map((r) => `'${r}'`).join(' or ')}`;
}

/** The whole line(s) for a report, or undefined for reports that print nothing. */
export function renderReport(item: ReportItem): string | undefined {
  const text = renderMessage(item.message);
  switch (item.severity) {
    case 'error':
      return `Error: ${text}${item.forceCode ? ' (--force overrides this)' : ''}`;
    case 'warning':
      return `Warning: ${text}`;
    case 'deprecation':
      return `Deprecation Warning: ${text}`;
    case 'info':
      return item.message.code === 'LEGACY_FORM_ACCEPTED' ? `Note: ${text}` : text;
  }
}
