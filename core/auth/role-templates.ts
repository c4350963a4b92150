import type { Grant } from './role.service.ts';

export interface RoleTemplate {
  key: string;
  name: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
  /** Permissions by id as data: a module's permission counts only while that module is enabled. */
  grants: Grant[];
}

/**
 * The roles a county usually starts from. Scopes follow who the role is for: county-wide staff
 * get the tenant, a town or department head their unit and everything below it, village and
 * grid workers their own unit.
 */
export const ROLE_TEMPLATES: RoleTemplate[] = [
  {
    key: 'county_leader',
    name: { 'zh-CN': '县领导', en: 'County leader' },
    description: {
      'zh-CN': '查看全县通讯录和填报数据，对任务作批示',
      en: 'Sees the whole directory and results, gives instructions on tasks',
    },
    grants: [
      { permission: 'core.org.read', scope: 'tenant' },
      { permission: 'dispatch.instruct', scope: 'tenant' },
      { permission: 'forms.results', scope: 'tenant' },
    ],
  },
  {
    key: 'inspector',
    name: { 'zh-CN': '督查员', en: 'Inspector' },
    description: {
      'zh-CN': '下达和督办全县任务，设计表单、下发收集、查看结果和操作日志',
      en: 'Dispatches and supervises tasks county-wide, designs and collects forms, reads the audit trail',
    },
    grants: [
      { permission: 'core.org.read', scope: 'tenant' },
      { permission: 'core.audit.read', scope: 'tenant' },
      { permission: 'dispatch.supervise', scope: 'tenant' },
      { permission: 'dispatch.request', scope: 'tenant' },
      { permission: 'forms.design', scope: 'tenant' },
      { permission: 'forms.collect', scope: 'tenant' },
      { permission: 'forms.results', scope: 'tenant' },
    ],
  },
  {
    key: 'department_head',
    name: { 'zh-CN': '部门负责人', en: 'Department head' },
    description: {
      'zh-CN': '办理本部门任务、响应镇呼县应，管理本部门通讯录，收集和查看本部门填报',
      en: 'Handles the department’s tasks and requests, keeps its directory, collects its forms',
    },
    grants: [
      { permission: 'core.org.read', scope: 'unit_subtree' },
      { permission: 'core.org.manage', scope: 'unit_subtree' },
      { permission: 'dispatch.handle', scope: 'own_unit' },
      { permission: 'dispatch.request', scope: 'own_unit' },
      { permission: 'forms.collect', scope: 'unit_subtree' },
      { permission: 'forms.results', scope: 'unit_subtree' },
      { permission: 'forms.submit', scope: 'own_unit' },
    ],
  },
  {
    key: 'town_head',
    name: { 'zh-CN': '镇长', en: 'Town head' },
    description: {
      'zh-CN': '办理本镇任务并再分派到村，督办下辖村，提出镇呼县应，收集和查看全镇填报',
      en: 'Handles the town’s tasks and re-dispatches them to villages, raises requests, collects forms town-wide',
    },
    grants: [
      { permission: 'core.org.read', scope: 'unit_subtree' },
      { permission: 'core.org.manage', scope: 'unit_subtree' },
      { permission: 'dispatch.handle', scope: 'own_unit' },
      { permission: 'dispatch.supervise', scope: 'unit_subtree' },
      { permission: 'dispatch.request', scope: 'own_unit' },
      { permission: 'forms.collect', scope: 'unit_subtree' },
      { permission: 'forms.results', scope: 'unit_subtree' },
      { permission: 'forms.submit', scope: 'own_unit' },
    ],
  },
  {
    key: 'village_cadre',
    name: { 'zh-CN': '村干部', en: 'Village cadre' },
    description: {
      'zh-CN': '办理本村任务、报送进展，填报本村表单',
      en: 'Handles the village’s tasks, reports progress, fills in its forms',
    },
    grants: [
      { permission: 'core.org.read', scope: 'own_unit' },
      { permission: 'dispatch.handle', scope: 'own_unit' },
      { permission: 'forms.submit', scope: 'own_unit' },
      { permission: 'forms.results', scope: 'own_unit' },
    ],
  },
  {
    key: 'grid_worker',
    name: { 'zh-CN': '网格员', en: 'Grid worker' },
    description: { 'zh-CN': '填报本网格表单，办理分派到网格的任务', en: 'Fills in the grid’s forms, handles tasks dispatched to the grid' },
    grants: [
      { permission: 'core.org.read', scope: 'own_unit' },
      { permission: 'dispatch.handle', scope: 'own_unit' },
      { permission: 'forms.submit', scope: 'own_unit' },
    ],
  },
  {
    key: 'assistance_cadre',
    name: { 'zh-CN': '帮扶干部', en: 'Assistance cadre' },
    description: {
      'zh-CN': '填报所帮扶农户的表单（如因户施策），查看本单位填报',
      en: 'Fills in forms for the households they assist, sees their unit’s results',
    },
    grants: [
      { permission: 'core.org.read', scope: 'own_unit' },
      { permission: 'forms.submit', scope: 'own_unit' },
      { permission: 'forms.results', scope: 'own_unit' },
    ],
  },
];

/**
 * The templates as this tenant can use them: only grants of permissions that exist, and of a
 * module's permissions only while the module is enabled. `missingModules` names the installed
 * modules a template would need more of once enabled.
 */
export function templatesFor(allPermissions: { id: string; moduleId: string | null }[], enabledModules: Set<string>) {
  const moduleOf = new Map(allPermissions.map((p) => [p.id, p.moduleId]));
  return ROLE_TEMPLATES.map((template) => {
    const usable = template.grants.filter((g) => {
      const moduleId = moduleOf.get(g.permission);
      return moduleId !== undefined && (moduleId === null || enabledModules.has(moduleId));
    });
    const missingModules = [
      ...new Set(template.grants.map((g) => moduleOf.get(g.permission)).filter((m): m is string => !!m && !enabledModules.has(m))),
    ];
    return { key: template.key, name: template.name, description: template.description, grants: usable, missingModules };
  });
}
