import type { Me } from '@/api/kernel/me'

const base: Omit<Me, 'permissions' | 'roles'> = {
  personId: 'p-0001',
  username: 'zhangsan',
  name: '张三',
  nameEn: 'Zhang San',
  locale: null,
  affiliations: [
    {
      type: 'UNDERGRADUATE',
      identifier: '2024010001',
      status: 'ACTIVE',
      primary: true,
      startDate: '2024-09-01',
      endDate: null,
      orgUnit: { code: 'CS', name: '计算机学院', nameEn: 'School of Computer Science', type: 'COLLEGE' },
    },
  ],
  orgUnits: [{ code: 'CS', name: '计算机学院', nameEn: 'School of Computer Science', type: 'COLLEGE' }],
}

export const studentMe: Me = {
  ...base,
  roles: [{ code: 'student', name: '学生', nameEn: 'Student' }],
  permissions: [],
}

export const adminMe: Me = {
  ...base,
  username: 'admin',
  name: '管理员',
  nameEn: 'Administrator',
  roles: [{ code: 'admin', name: '系统管理员', nameEn: 'Administrator' }],
  permissions: ['kernel:audit:read', 'kernel:audit:verify'],
}
