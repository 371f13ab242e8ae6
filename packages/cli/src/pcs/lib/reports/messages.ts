// Every message a library command can report, as a code with its payload. Rendering to text is
// the CLI's business (cli/reports/render.ts); the words there are ours, the codes follow pcs's.

export type ReportMessage =
  // ids and elements
  | { code: 'ID_ALREADY_EXISTS'; id: string }
  | { code: 'ID_NOT_FOUND'; id: string; expectedTypes: string[]; contextType?: string; contextId?: string }
  | { code: 'ID_BELONGS_TO_UNEXPECTED_TYPE'; id: string; expectedTypes: string[]; currentType: string }
  | { code: 'INVALID_ID_IS_EMPTY'; description: string }
  | { code: 'INVALID_ID_BAD_CHAR'; id: string; description: string; char: string; isFirstChar: boolean }
  | { code: 'OBJECT_WITH_ID_IN_UNEXPECTED_CONTEXT'; type: string; id: string; contextType: string; contextId: string }
  // options
  | { code: 'INVALID_OPTIONS'; optionNames: string[]; allowed: string[]; optionType: string; allowedPatterns?: string[] }
  | { code: 'INVALID_OPTION_VALUE'; optionName: string; optionValue: string; allowedValues: string[] | string; cannotBeEmpty?: boolean; forbiddenCharacters?: string }
  | { code: 'INVALID_OPTION_TYPE'; optionName: string; allowedTypes: string }
  | { code: 'REQUIRED_OPTIONS_ARE_MISSING'; optionNames: string[]; optionType: string }
  | { code: 'REQUIRED_OPTION_OF_ALTERNATIVES_IS_MISSING'; optionNames: string[]; optionType: string; deprecated: string[] }
  | { code: 'DEPRECATED_OPTION'; optionName: string; replacedBy: string[]; optionType: string }
  | { code: 'DEPRECATED_OPTION_VALUE'; optionName: string; deprecatedValue: string; replacedBy: string }
  | { code: 'MUTUALLY_EXCLUSIVE_OPTIONS'; optionNames: string[]; optionType: string }
  | { code: 'INVALID_SCORE'; score: string }
  | { code: 'INVALID_TIMEOUT_VALUE'; timeout: string }
  | { code: 'RUN_EXTERNAL_PROCESS_ERROR'; command: string; reason: string }
  | {
      code: 'ADD_REMOVE';
      problem: 'not-specified' | 'duplication' | 'already-in' | 'not-in' | 'add-and-remove' | 'remove-all' | 'adjacent-not-in' | 'adjacent-itself' | 'adjacent-without-add';
      containerType: string;
      itemType: string;
      containerId: string;
      items: string[];
    }
  // agents
  | { code: 'AGENT_NAME_GUESSED'; entered: string; guessed: string }
  | { code: 'AGENT_NAME_GUESS_FOUND_MORE_THAN_ONE'; agent: string; possible: string[] }
  | { code: 'AGENT_NAME_GUESS_FOUND_NONE'; agent: string }
  | { code: 'INVALID_RESOURCE_AGENT_NAME'; name: string }
  | { code: 'INVALID_STONITH_AGENT_NAME'; name: string }
  | { code: 'UNABLE_TO_GET_AGENT_METADATA'; agent: string; reason: string }
  | { code: 'AGENT_SELF_VALIDATION_SKIPPED' }
  | { code: 'SYSTEMD_NOT_RUNNING'; agent: string }
  | { code: 'NO_AGENTS_FOUND'; what: string }
  // resources
  | { code: 'RESOURCE_OPERATION_INTERVAL_DUPLICATION'; duplications: [string, string[][]][] }
  | { code: 'RESOURCE_OPERATION_INTERVAL_ADAPTED'; operation: string; original: string; adapted: string }
  | { code: 'RESOURCE_OPERATION_ALREADY_EXISTS'; resource: string; operation: string; sameInterval: boolean; existing: string }
  | { code: 'RESOURCE_OPERATION_NOT_FOUND'; description: string }
  | { code: 'RESOURCE_DOES_NOT_EXIST'; id: string }
  | { code: 'RESOURCE_INSTANCE_ATTR_VALUE_NOT_UNIQUE'; attributes: string; agent: string; resources: string[] }
  | { code: 'RESOURCE_IS_ALREADY_CLONED'; id: string; cloneId?: string }
  | { code: 'CANNOT_CLONE_OR_GROUP'; id: string; reason: 'in-clone' | 'in-bundle' | 'is-stonith' | 'stonith-in-group' | 'is-clone' }
  | { code: 'RESOURCE_CLONE_INCOMPATIBLE_META_ATTRIBUTES'; attribute: string; agent: string; resource?: string; group?: string }
  | { code: 'STONITH_RESOURCE_IN_RESOURCE_COMMAND'; id: string; replacement: string }
  | { code: 'RESOURCE_NOT_STONITH'; id: string }
  | { code: 'CANNOT_GROUP_RESOURCE_WRONG_TYPE'; id: string; type: string; parentType?: string; parentId?: string }
  | { code: 'CANNOT_GROUP_RESOURCE_ADJACENT_RESOURCE_FOR_NEW_GROUP'; adjacent: string; group: string }
  | { code: 'CANNOT_GROUP_RESOURCE_ADJACENT_RESOURCE_NOT_IN_GROUP'; adjacent: string; group: string }
  | { code: 'CANNOT_GROUP_RESOURCE_NEXT_TO_ITSELF'; id: string }
  | { code: 'CANNOT_GROUP_RESOURCE_NO_RESOURCES' }
  | { code: 'CANNOT_GROUP_RESOURCE_MORE_THAN_ONCE'; ids: string[] }
  | { code: 'CANNOT_GROUP_RESOURCE_ALREADY_IN_THE_GROUP'; ids: string[]; group: string }
  | { code: 'GROUP_NOT_FOUND_OR_EMPTY'; id: string }
  | { code: 'RESOURCE_BUNDLE_ALREADY_CONTAINS_A_RESOURCE'; bundle: string; resource: string }
  | { code: 'RESOURCE_IN_BUNDLE_NOT_ACCESSIBLE'; bundle: string; resource: string }
  | { code: 'RESOURCE_BUNDLE_UNSUPPORTED_CONTAINER_TYPE'; bundle: string; supported: string[] }
  | { code: 'DEFAULTS_CAN_BE_OVERRIDDEN' }
  | { code: 'CIB_NVSET_AMBIGUOUS_PROVIDE_NVSET_ID'; command: string }
  | { code: 'NO_DEFAULTS_SET' }
  | { code: 'RESOURCE_DISABLED_AFFECTS'; id: string }
  | { code: 'RESOURCE_UNMANAGED_NO_MONITOR'; id: string }
  | { code: 'RESOURCE_MANAGED_NO_MONITOR_ENABLED'; id: string }
  | { code: 'RESOURCE_BAN_NEEDS_NODE' }
  | { code: 'RESOURCE_MOVE_CONSTRAINT_CREATED'; id: string }
  | { code: 'RESOURCE_BAN_CONSTRAINT_CREATED'; constraintId: string; resource: string; node: string; promoted: boolean }
  | { code: 'RESOURCE_PROMOTED_NEEDS_PROMOTABLE'; id: string }
  | { code: 'CANNOT_MOVE_RESOURCE'; id: string; reason: 'bundle' | 'clone' | 'promotable-inner'; promotableId?: string | undefined }
  | { code: 'CONSTRAINT_LIFETIME'; end: string }
  | { code: 'CONSTRAINT_REMOVED'; id: string }
  | { code: 'CONSTRAINT_REMOVED_WITH_RESOURCE'; id: string }
  | { code: 'RESOURCE_DELETED'; id: string }
  | { code: 'NOTHING_TO_CLEAR' }
  | { code: 'RESOURCE_UPDATE_NOTHING_TO_DO'; id: string }
  | { code: 'DEBUG_ACTION_NEEDS_PRIMITIVE'; action: string; kind: string; id: string; inner: string[] }
  | { code: 'DEBUG_ACTION_STONITH'; id: string }
  | { code: 'USE_COMMAND_NODE_ADD_REMOTE' | 'USE_COMMAND_NODE_ADD_GUEST' }
  // constraints
  | { code: 'DUPLICATE_CONSTRAINTS_EXIST'; tag: string; constraints: { options: Record<string, string>; resource_sets?: { ids: string[]; options: Record<string, string> }[] }[] }
  | { code: 'CANNOT_ORDER_RESOURCES_IN_SAME_GROUP' }
  | { code: 'DUPLICATE_LOCATION_RULES'; constraints: { id: string; rules: import('../cib/rule/dto.js').RuleExpressionDto[] }[] }
  | { code: 'CONSTRAINT_NOT_FOUND'; id: string }
  | { code: 'RESOURCE_FOR_CONSTRAINT_IS_MULTIINSTANCE'; resource: string; parentType: string; parentId: string }
  | { code: 'CANNOT_CONSTRAIN_BUNDLE_INNER_RESOURCE'; resource: string; bundle: string }
  | { code: 'NODE_EXISTENCE_NOT_VALIDATED' }
  | { code: 'NODE_NOT_FOUND'; node: string }
  | { code: 'REMOTE_NODE_NOT_FOUND'; node: string; kind: 'remote' | 'guest' }
  | { code: 'REMOTE_NODE_STEPS_LEFT_TO_USER'; node: string; adding: boolean }
  | { code: 'USING_DEFAULT_ADDRESS_FOR_HOST'; node: string; address: string }
  | { code: 'RESOURCE_IS_GUEST_NODE_ALREADY'; id: string }
  | { code: 'MULTIPLE_RESULTS_FOUND'; kind: string; ids: string[]; search: string }
  | { code: 'ORDER_CONSTRAINT_ADDED'; first: string; then: string; kind: string; options: string }
  | { code: 'RULE_EXPRESSION_PARSE_ERROR'; rule: string; reason: string }
  | { code: 'RULE_EXPRESSION_NOT_ALLOWED'; expression: string }
  | { code: 'INVALID_ROLE_IN_RULE'; role: string; allowed: string[] }
  | { code: 'CANNOT_SET_ORDER_OF_RESOURCE_TO_ITSELF' | 'CANNOT_COLOCATE_RESOURCE_WITH_ITSELF' }
  | { code: 'EMPTY_RESOURCE_SET' }
  | { code: 'TICKET_NOT_FOUND'; ticket: string; resource: string }
  // properties
  | { code: 'PROPERTY_NOT_FOUND'; name: string }
  | { code: 'CANNOT_REMOVE_UNSET_PROPERTY'; names: string[]; setId: string }
  | { code: 'CLUSTER_OPTIONS_METADATA_NOT_SUPPORTED' }
  // nodes, tags, alerts, acl, fencing levels
  | { code: 'NODE_ATTRIBUTE_NODE_NOT_FOUND'; node: string; attribute: string }
  | { code: 'TAG_ADD_REMOVE_IDS_DUPLICATION'; ids: string[]; add: boolean }
  | { code: 'TAG_CANNOT_ADD_AND_REMOVE_IDS_AT_THE_SAME_TIME'; ids: string[] }
  | { code: 'TAG_CANNOT_ADD_REFERENCE_IDS_ALREADY_IN_THE_TAG'; tag: string; ids: string[] }
  | { code: 'TAG_CANNOT_REMOVE_REFERENCES_WITHOUT_REMOVING_TAG'; tag: string }
  | { code: 'TAG_IDS_NOT_IN_THE_TAG'; tag: string; ids: string[] }
  | { code: 'TAG_CANNOT_CREATE_EMPTY_TAG_NO_IDS_SPECIFIED' }
  | { code: 'TAG_CANNOT_PUT_ID_NEXT_TO_ITSELF'; id: string }
  | { code: 'TAG_CANNOT_REMOVE_ADJACENT_ID'; id: string }
  | { code: 'TAG_ADJACENT_REFERENCE_ID_NOT_IN_THE_TAG'; adjacent: string; tag: string }
  | { code: 'TAG_USED_IN_CONSTRAINT'; tag: string; constraints: string[] }
  | { code: 'CIB_ALERT_RECIPIENT_ALREADY_EXISTS'; alert: string; value: string }
  | { code: 'CIB_ACL_ROLE_IS_ALREADY_ASSIGNED'; role: string; target: string }
  | { code: 'CIB_ACL_ROLE_IS_NOT_ASSIGNED'; role: string; target: string }
  | { code: 'CIB_ACL_TARGET_ALREADY_EXISTS'; id: string }
  | { code: 'ACL_PERMISSION_NOT_FOUND'; id: string }
  | { code: 'CIB_FENCING_LEVEL_ALREADY_EXISTS'; level: string; target: string; devices: string[] }
  | { code: 'CIB_FENCING_LEVEL_DOES_NOT_EXIST'; level?: string; target?: string; devices?: string[] }
  | { code: 'STONITH_RESOURCES_DO_NOT_EXIST'; ids: string[] }
  | { code: 'INVALID_FENCING_LEVEL'; level: string }
  | { code: 'NODE_NOT_IN_CLUSTER'; node: string }
  // corosync.conf and cluster setup
  | { code: 'INVALID_USERDEFINED_OPTIONS'; optionNames: string[]; optionType: string; allowedCharacters: string }
  | { code: 'PREREQUISITE_OPTION_IS_MISSING'; option: string; prerequisite: string; optionType: string }
  | { code: 'PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL'; option: string; prerequisite: string; optionType: string }
  | { code: 'PREREQUISITE_OPTION_MUST_BE_DISABLED'; option: string; prerequisite: string; optionType: string }
  | { code: 'PREREQUISITE_OPTION_MUST_NOT_BE_SET'; option: string; prerequisite: string; optionType: string }
  | { code: 'COROSYNC_CLUSTER_NAME_INVALID_FOR_GFS2'; clusterName: string; maxLength: number; allowedCharacters: string }
  | { code: 'COROSYNC_NODES_MISSING' }
  | { code: 'COROSYNC_BAD_NODE_ADDRESSES_COUNT'; node: string; actual: number; min: number; max: number }
  | { code: 'NODE_ADDRESSES_CANNOT_BE_EMPTY'; nodes: string[] }
  | { code: 'NODE_NAMES_DUPLICATION'; names: string[] }
  | { code: 'NODE_ADDRESSES_DUPLICATION'; addresses: string[] }
  | { code: 'NODE_ADDRESSES_UNRESOLVABLE'; addresses: string[] }
  | { code: 'COROSYNC_NODE_ADDRESS_COUNT_MISMATCH'; counts: Record<string, number> }
  | { code: 'COROSYNC_IP_VERSION_MISMATCH_IN_LINKS'; links: string[] }
  | { code: 'COROSYNC_LINK_DOES_NOT_EXIST_CANNOT_UPDATE'; link: string; existing: string[] }
  | { code: 'COROSYNC_LINK_NUMBER_DUPLICATION'; links: string[] }
  | { code: 'COROSYNC_TOO_MANY_LINKS_OPTIONS'; links: number; addresses: number }
  | { code: 'COROSYNC_TRANSPORT_UNSUPPORTED_OPTIONS'; optionType: string; transport: string; supported: string[] }
  | { code: 'COROSYNC_NODE_ADDRESS_DEFAULTED'; node: string; address: string }
  | { code: 'COROSYNC_CONF_PARSE_ERROR'; file: string; problem: string; line: number }
  | { code: 'COROSYNC_CONFIG_MISSING_NODE_DATA'; what: 'names' | 'ids' }
  | { code: 'COROSYNC_CONFIG_UNSUPPORTED_TRANSPORT'; transport: string }
  // cluster cib, cib-push, edit, verify
  | { code: 'CIB_SCOPE_INVALID'; scope: string; allowed: string[] }
  | { code: 'CIB_SCOPE_NOT_PRESENT'; scope: string; file?: string }
  | { code: 'CIB_PUSH_OLDER_THAN_CURRENT'; pushed: string; current: string }
  | { code: 'CIB_PUSH_NOTHING_TO_PUSH' }
  | { code: 'CIB_PUSH_PARSE_ERROR'; file: string; reason: string }
  | { code: 'CIB_PUSH_CONFLICT'; reason: string }
  | { code: 'CIB_UPDATED' }
  | { code: 'STATUS_RESOURCE_NOT_FOUND'; id: string }
  | { code: 'STATUS_UNAVAILABLE'; command: string }
  | { code: 'RELOCATE_CONSTRAINT_PLANNED'; id: string; resource: string; node: string; role?: string | undefined }
  | { code: 'RELOCATE_NOTHING_TO_MOVE' }
  | { code: 'RESOURCE_MOVE_ACTIVE_ON_SEVERAL_NODES'; id: string; nodes: string[] }
  | { code: 'BACKUP_ERROR'; reason: string }
  | { code: 'BACKUP_OLD_VERSION'; version: number; supported: number }
  | { code: 'CIB_EDIT_NO_EDITOR' }
  | { code: 'CIB_EDIT_NO_CHANGES' }
  | { code: 'CIB_EDIT_EDITOR_FAILED'; editor: string; reason: string }
  | { code: 'CIB_VERIFY_FAILED'; problems: string[]; full: boolean }
  // the CIB and files
  | { code: 'CIB_LOAD_ERROR'; reason: string }
  | { code: 'CIB_PUSH_ERROR'; reason: string }
  | { code: 'CIB_UPGRADE_NEEDED'; reason: string }
  | { code: 'CIB_INVALID'; problems: import('../cib/schema-check.js').SchemaProblem[] }
  | { code: 'FILE_IO_ERROR'; file: string; operation: 'read' | 'write'; reason: string }
  | { code: 'FILE_ALREADY_EXISTS'; file: string; overwriteOption?: string }
  | { code: 'COROSYNC_CONF_READ_ERROR'; file: string; reason: string }
  | { code: 'LIVE_CLUSTER_NOT_AVAILABLE'; command: string }
  | { code: 'LEGACY_FORM_ACCEPTED'; legacy: string; modern: string }
  | { code: 'COMMAND_REPLACED'; replacements: string[] }
  | { code: 'COMMAND_DEPRECATED'; replacement: string }
  | { code: 'NEGATIVE_NUMBER_WITHOUT_DOUBLE_DASH'; values: string[] };

export type ReportCode = ReportMessage['code'];
